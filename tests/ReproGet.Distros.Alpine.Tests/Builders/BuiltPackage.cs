using System.Globalization;
using System.Security.Cryptography;
using ReproGet.Core.Hashing;
using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Tests.Builders;

/// <summary>An .apk made by <see cref="TestApkBuilder"/>: its bytes and what an index or installed database says of it.</summary>
internal sealed record BuiltPackage(string Name, string Version, string Architecture, byte[] Bytes, byte[] ControlMember)
{
    public string FileName => $"{Name}-{Version}.apk";

    public ApkChecksum Checksum => ApkChecksum.OfControl(ControlMember);

    public Sha256Digest Sha256 => Sha256Digest.FromBytes(SHA256.HashData(Bytes));

    /// <summary>The package's record as an APKINDEX lists it (<paramref name="checksum"/> overrides <c>C:</c>).</summary>
    public string IndexStanza(string? checksum = null) => string.Create(CultureInfo.InvariantCulture, $"""
        C:{checksum ?? Checksum.ToString()}
        P:{Name}
        V:{Version}
        A:{Architecture}
        S:{Bytes.Length}
        I:4096
        T:test package {Name}
        U:https://example.invalid/{Name}
        L:MIT
        o:{Name}
        t:1700000000

        """) + "\n";

    /// <summary>The package's record in apk's installed database, with one file.</summary>
    public string InstalledStanza() =>
        IndexStanza().TrimEnd('\n') + $"\nF:usr/share/{Name}\nR:README\na:0:0:644\nZ:Q1AAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n";
}
