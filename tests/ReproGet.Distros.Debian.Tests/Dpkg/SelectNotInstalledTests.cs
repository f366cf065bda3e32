using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Distros.Debian.Tests.Dpkg;

public sealed class SelectNotInstalledTests
{
    private static readonly Sha256Digest AnySha = Sha256Digest.Parse(new string('a', 64));

    [Fact]
    public async Task SkipsWhatIsInstalledAtTheFilesVersionIncludingEpochsAndArchAll()
    {
        using var root = new DebianRoot().WithInstalled(
            "zlib1g,1:1.2.13.dfsg-1,amd64",
            "tzdata,2025b-0+deb12u2,all",
            "bash,5.2.15-2+b8,amd64",
            "hello,2.10-3,amd64,unpacked",
            "libc6,2.36-9+deb12u14,amd64");
        LockEntry[] entries =
        [
            Entry("pool/main/z/zlib/zlib1g_1.2.13.dfsg-1_amd64.deb"),
            Entry("tzdata_2025b-0+deb12u2_all.deb"),
            Entry("pool/main/b/bash/bash_5.2.15-2+b13_amd64.deb"),
            Entry("pool/main/h/hello/hello_2.10-3_amd64.deb"),
            Entry("pool/main/g/glibc/libc6_2.36-9+deb12u14_i386.deb"),
            Entry("zlib1g_1%3a1.2.13.dfsg-1_amd64.deb"),
            Entry("pool/main/j/jq/jq_1.6-2.1_amd64.deb"),
        ];

        var selected = await new DebianDistro().Installer.SelectNotInstalledAsync(root.Context, entries, CancellationToken.None);

        Assert.Equal(
        [
            "pool/main/b/bash/bash_5.2.15-2+b13_amd64.deb",
            "pool/main/h/hello/hello_2.10-3_amd64.deb",
            "pool/main/g/glibc/libc6_2.36-9+deb12u14_i386.deb",
            "pool/main/j/jq/jq_1.6-2.1_amd64.deb",
        ], selected.Select(e => e.Name));
    }

    [Fact]
    public async Task InABareRootEverythingIsToBeInstalled()
    {
        using var root = new DebianRoot();
        LockEntry[] entries = [Entry("pool/main/h/hello/hello_2.10-3_amd64.deb")];

        Assert.Equal(entries, await new UbuntuDistro().Installer.SelectNotInstalledAsync(root.Context, entries, CancellationToken.None));
    }

    private static LockEntry Entry(string name) => new(name, AnySha);
}
