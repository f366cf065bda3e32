namespace ReproGet.Core.Tests;

/// <summary>Real digests from repro-get's tests and examples.</summary>
internal static class KnownHashes
{
    /// <summary>hello_2.10-2_amd64.deb (bullseye), the hash of every vector in repro-get's line-parser test.</summary>
    public const string Hello = "35b1508eeee9c1dfba798c4c04304ef0f266990f936a51f165571edf53325cbc";

    public const string HelloName = "pool/main/h/hello/hello_2.10-2_amd64.deb";

    /// <summary>The CID of hello_2.10-2_amd64.deb published in repro-get's README.</summary>
    public const string HelloCid = "QmRY19HEWeTJtRC6vAdz7rDfX3PjSMgXmd1KYi9guAACUj";

    /// <summary>neofetch-7.1.0-2-any.pkg.tar.zst from repro-get's Arch example.</summary>
    public const string Neofetch = "3fbddf916f10f90c9ad08c184a2381314f9cbd316944d911bef36f9f8e6df0b6";
}
