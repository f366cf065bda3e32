using System.IO.Compression;
using ReproGet.Core.Errors;
using ReproGet.Distros.Arch.Database;
using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests.Database;

public sealed class SyncDatabaseTests
{
    private static readonly string CoreDb = FixturePath.Get("arch", "root", "var", "lib", "pacman", "sync", "core.db");

    [Fact]
    public void ReadsEveryPackageOfTheRealCoreDatabase()
    {
        var packages = SyncDatabase.Read(CoreDb, "core");

        Assert.Equal(231, packages.Count);
        Assert.All(packages, p => Assert.Equal("core", p.Repository));
        Assert.All(packages, p => Assert.NotNull(p.Signature));
        var pacman = Assert.Single(packages, p => p.Name == "pacman");
        var extracted = PacmanDesc.Parse(File.ReadAllText(FixturePath.Get("arch", "desc", "sync-pacman-5.1.3-1.desc")));
        Assert.Equal(extracted.Single("SHA256SUM"), pacman.Sha256.Hex);
        Assert.Equal(extracted.Single("FILENAME"), pacman.FileName);
        Assert.Equal(long.Parse(extracted.Single("CSIZE")!, System.Globalization.CultureInfo.InvariantCulture), pacman.CompressedSize);
        Assert.Equal("x86_64", pacman.Architecture);
        Assert.Equal(Convert.FromBase64String(extracted.Single("PGPSIG")!), pacman.Signature);
    }

    [Fact]
    public void ReadsTheRealMultilibTestingDatabase()
    {
        var package = Assert.Single(SyncDatabase.Read(
            FixturePath.Get("arch", "root", "var", "lib", "pacman", "sync", "multilib-testing.db"), "multilib-testing"));

        Assert.Equal("lib32-glib2", package.Name);
        Assert.Equal("2.60.4-1", package.Version);
        Assert.Equal("6ebf5716dd6783f3e9d66f39cccd78de77bfa065dad540394f8976e2ad8c2675", package.Sha256.Hex);
    }

    [Theory]
    [InlineData(".zst")]
    [InlineData(".xz")]
    [InlineData("")]
    public void ReadsTheSameDatabaseInEveryCompressionRepoAddWrites(string compression)
    {
        using var temp = new TempDirectory();
        var tar = Decompress(File.ReadAllBytes(CoreDb));
        // pacman stores every database as <repo>.db, whatever its compression: the reader goes by magic number.
        var path = temp.WriteFile("core.db", RealTool.Compress(compression, tar));

        var packages = SyncDatabase.Read(path, "core");

        Assert.Equal(
            SyncDatabase.Read(CoreDb, "core").Select(p => (p.FileName, p.Sha256.Hex)),
            packages.Select(p => (p.FileName, p.Sha256.Hex)));
    }

    [Fact]
    public void ATruncatedDatabaseIsAnErrorNamingItsFile()
    {
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(CoreDb);
        var path = temp.WriteFile("core.db", bytes[..(bytes.Length / 2)]);

        var error = Assert.ThrowsAny<ReproGetException>(() => SyncDatabase.Read(path, "core"));

        Assert.Contains(path, error.Message);
    }

    private static byte[] Decompress(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
