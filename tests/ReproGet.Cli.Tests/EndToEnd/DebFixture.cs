using System.Security.Cryptography;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.EndToEnd;

/// <summary>A real Debian package from fixtures/cli/debs, with its lockfile line (hashed by .NET, not by the code under test).</summary>
internal sealed record DebFixture(string Basename, byte[] Bytes)
{
    public static DebFixture Hello { get; } = Load("hello_2.10-2_amd64.deb");

    public static DebFixture Neofetch { get; } = Load("neofetch_7.1.0-2_all.deb");

    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes));

    public string LockLine => $"{Sha256}  {Basename}\n";

    private static DebFixture Load(string basename) => new(basename, File.ReadAllBytes(FixturePath.Get("cli", "debs", basename)));
}
