using ReproGet.Distros.Alpine.Configuration;
using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Locking;

/// <summary>A repository with its verified index, and where the index was read from.</summary>
public sealed record RepositoryIndex(ApkRepository Repository, ApkIndexFile Index, string Source);

/// <summary>A package record and the repository whose index lists it.</summary>
public sealed record IndexedPackage(ApkRepository Repository, ApkStanza Stanza);
