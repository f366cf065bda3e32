using ReproGet.Core.Errors;
using ReproGet.Distros.Fedora.Rpm;

namespace ReproGet.Distros.Fedora.Tests.Rpm;

public sealed class RpmDatabaseTests
{
    [Fact]
    public void ReadsQueryLinesAndLeavesOutImportedKeys()
    {
        var packages = RpmDatabase.Parse(
            "gpg-pubkey\t0\tfa9d7401\t6b026c38\t(none)\t(none)\n"
            + "vim-enhanced\t2\t8.2.2637\t21.el9\tx86_64\tvim-8.2.2637-21.el9.src.rpm\n"
            + "hello\t0\t1.0\t1\tnoarch\thello-1.0-1.src.rpm\n");

        Assert.Equal(
        [
            new InstalledRpm("vim-enhanced", 2, "8.2.2637", "21.el9", "x86_64", "vim-8.2.2637-21.el9.src.rpm"),
            new InstalledRpm("hello", 0, "1.0", "1", "noarch", "hello-1.0-1.src.rpm"),
        ], packages);
        Assert.Equal("vim-enhanced-2:8.2.2637-21.el9.x86_64", packages[0].ToString());
        Assert.Equal("vim-enhanced-8.2.2637-21.el9.x86_64.rpm", packages[0].FileName);
    }

    [Fact]
    public void AnUnreadableLineIsAnErrorThatQuotesIt()
    {
        var error = Assert.Throws<ReproGetException>(() => RpmDatabase.Parse("hello 1.0-1\n"));

        Assert.Contains("\"hello 1.0-1\"", error.Message);
    }
}
