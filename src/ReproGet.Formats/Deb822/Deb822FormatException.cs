using ReproGet.Core.Errors;

namespace ReproGet.Formats.Deb822;

/// <summary>A line of a Debian control file that is not a field, a continuation, a comment or a blank line.</summary>
public sealed class Deb822FormatException(string source, int line, string problem)
    : ReproGetException($"{source}:{line}: {problem}",
        "the file is not in Debian control (deb822) format; if apt wrote it, `apt-get update` rewrites it");
