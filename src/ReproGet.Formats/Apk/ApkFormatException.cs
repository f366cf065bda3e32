using ReproGet.Core.Errors;

namespace ReproGet.Formats.Apk;

/// <summary>Bytes that are not what an Alpine package, index or database must be.</summary>
public sealed class ApkFormatException(string source, string problem)
    : ReproGetException($"{source}: {problem}",
        "the file is damaged, incomplete, or not an apk v2 file; fetch it again (for apk's own files: `apk update`)");
