using ReproGet.Core.Errors;
using ReproGet.Distros.Arch.Database;
using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests.Database;

public sealed class LocalDatabaseTests
{
    [Fact]
    public void ReadsEveryInstalledPackageOfARealLocalDatabase()
    {
        var installed = LocalDatabase.Read(FixturePath.Get("arch", "root", "var", "lib", "pacman"));

        Assert.Equal(["bash", "glibc", "pacman", "xz"], installed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new InstalledPackage("bash", "5.0.002-1", "x86_64"), installed["bash"]);
        Assert.Equal("2.28-5", installed["glibc"].Version);
    }

    [Fact]
    public void ADatabaseWithoutLocalEntriesMeansNothingIsInstalled()
    {
        using var temp = new TempDirectory();

        Assert.Empty(LocalDatabase.Read(temp.Path));
    }

    [Fact]
    public void AnEntryWithoutAVersionIsADamagedDatabase()
    {
        using var temp = new TempDirectory();
        temp.WriteFile("local/broken-1-1/desc", "%NAME%\nbroken\n\n");

        var error = Assert.Throws<ReproGetException>(() => LocalDatabase.Read(temp.Path));

        Assert.Contains("broken-1-1", error.Message);
        Assert.Contains("pacman -Dk", error.Hint);
    }
}
