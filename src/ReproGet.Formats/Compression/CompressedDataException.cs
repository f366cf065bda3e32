using ReproGet.Core.Errors;

namespace ReproGet.Formats.Compression;

/// <summary>Compressed bytes that do not decode: truncated, corrupt, or not in the format their name claims.</summary>
public sealed class CompressedDataException(string source, string problem)
    : ReproGetException($"{source}: {problem}",
        "the file is damaged or incomplete; fetch it again (for apt's lists: `apt-get update`)");
