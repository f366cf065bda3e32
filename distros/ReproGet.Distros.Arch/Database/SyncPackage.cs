using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Arch.Database;

/// <summary>
/// A package a sync database offers: its file name on the mirrors, the SHA-256 of that file, and (from
/// <c>%PGPSIG%</c>) the bytes of its detached signature when the repository embeds them; <c>%CSIZE%</c>, the file's size.
/// </summary>
public sealed record SyncPackage(
    string Repository, string Name, string Version, string? Architecture, string FileName, Sha256Digest Sha256,
    byte[]? Signature, long? CompressedSize = null);
