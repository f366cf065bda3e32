namespace ReproGet.Core.Errors;

/// <summary>The bytes a source served do not hash to the pinned SHA-256.</summary>
public sealed class DigestMismatchException(string what, string expected, string actual)
    : ReproGetException($"{what}: expected sha256 {expected}, got {actual}",
        "the source serves different bytes than the lockfile pins; it is not trusted for this file");
