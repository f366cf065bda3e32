using ReproGet.Distros.Arch.Database;
using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests.Database;

public sealed class SyncIndexTests
{
    [Fact]
    public void SearchesRepositoriesInPacmanConfOrderThenTheRestByName()
    {
        using var temp = new TempDirectory();
        var core = File.ReadAllBytes(FixturePath.Get("arch", "root", "var", "lib", "pacman", "sync", "core.db"));
        foreach (var repository in new[] { "aaa", "mmm", "zzz" })
        {
            temp.WriteFile($"sync/{repository}.db", core);
        }
        temp.WriteFile("sync/core.db.sig", "not a database");

        var index = SyncIndex.Load(temp.Combine("sync"), ["zzz", "gone"]);

        Assert.Equal(["zzz.db", "aaa.db", "mmm.db"], index.Databases.Select(Path.GetFileName));
        Assert.Equal("zzz", index.Candidate("pacman")!.Repository);
        Assert.Equal("zzz", index.Find(new InstalledPackage("xz", "5.2.4-1", "x86_64"))!.Repository);
    }

    [Fact]
    public void FindsOnlyTheExactInstalledVersionAndArchitecture()
    {
        var index = SyncIndex.Load(FixturePath.Get("arch", "root", "var", "lib", "pacman", "sync"), ["core"]);

        Assert.Equal("xz-5.2.4-1-x86_64.pkg.tar.xz", index.Find(new InstalledPackage("xz", "5.2.4-1", "x86_64"))!.FileName);
        Assert.Null(index.Find(new InstalledPackage("xz", "5.2.4-1", "aarch64")));
        Assert.Null(index.Find(new InstalledPackage("bash", "5.0.002-1", "x86_64")));
        Assert.Equal("5.0.007-1", index.Candidate("bash")!.Version);
        Assert.Null(index.Candidate("no-such-package"));
    }
}
