namespace ReproGet.Distros.Debian.Provenance;

/// <summary>The links of Debian's chain, in order: InRelease signature → index hash in InRelease → entry in the index.</summary>
public enum ChainLink
{
    /// <summary>The InRelease's OpenPGP signature against the trusted keys (and that it is the Release of the suite it is named for).</summary>
    Signature,

    /// <summary>The index's SHA-256 and size, listed in its suite's InRelease under the index's path.</summary>
    Index,

    /// <summary>The package's Filename and SHA-256, listed in an index.</summary>
    Entry,
}
