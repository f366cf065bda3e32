using ReproGet.Core.Distros;
using ReproGet.Core.Operations.Locking;
using ReproGet.Core.Errors;
using ReproGet.Formats.Compression;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Locking;

/// <summary>Locking on roots made of real Debian data: this machine's dpkg status and bookworm's lists (fixtures/debian).</summary>
public sealed class DpkgLockerTests
{
    private const string MainList = "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages";
    private const string UpdatesList = "deb.debian.org_debian_dists_bookworm-updates_main_binary-amd64_Packages";
    private const string Sources = "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\n";

    private static readonly DebianDistro Debian = new();

    [Fact]
    public async Task LocksTheInstalledVersionsAndNamesEveryOneNoListHas()
    {
        using var root = BookwormRoot();

        var error = await Assert.ThrowsAsync<ReproGetException>(() => LockAsync(root));

        Assert.Contains("5 installed package versions are not in apt's lists", error.Message, StringComparison.Ordinal);
        foreach (var missing in new[] { "base-files:amd64=12.4+deb12u11", "bash:amd64=5.2.15-2+b8", "dpkg:amd64=1.21.22", "libssl3:amd64=3.0.19-1~deb12u2", "tzdata:all=2025b-0+deb12u2" })
        {
            Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        }
        Assert.Contains("--allow-missing", error.Hint, StringComparison.Ordinal);
        Assert.Contains("apt-get update", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowMissingLocksTheRestAndWarnsAboutEachGap()
    {
        using var root = BookwormRoot();

        var locked = await LockAsync(root, allowMissing: true);

        Assert.Equal(
        [
            "pool/main/a/apt/apt_2.6.1_amd64.deb",
            "pool/main/c/ca-certificates/ca-certificates_20230311+deb12u1_all.deb",
            "pool/main/c/coreutils/coreutils_9.1-1_amd64.deb",
            "pool/main/g/glibc/libc6_2.36-9+deb12u14_amd64.deb",
            "pool/main/g/gnupg2/gpgv_2.2.40-1.1+deb12u2_amd64.deb",
            "pool/main/z/zlib/zlib1g_1.2.13.dfsg-1_amd64.deb",
        ], locked.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ShaOf("zlib1g", "1:1.2.13.dfsg-1"), locked.Single(f => f.Name.Contains("zlib1g", StringComparison.Ordinal)).Sha256.Hex);
        var warning = Assert.Single(root.Log.Warnings);
        Assert.StartsWith("5 packages were left out of the lock (no apt list under", warning, StringComparison.Ordinal);
        Assert.Contains("base-files:amd64=12.4+deb12u11", warning, StringComparison.Ordinal);
        Assert.Contains("--report FILE", warning, StringComparison.Ordinal);
        Assert.Contains(root.Log.Debugs, d => d.StartsWith("bash:amd64=5.2.15-2+b8: left out of the lock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManyMissingVersionsGiveOneLineAndTheFullListGoesToTheReport()
    {
        var statusText = File.ReadAllText(FixturePath.Get("debian", "dpkg-status.excerpt"))
            + "\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"Package: gone{i}\nStatus: install ok installed\nVersion: 1.{i}\nArchitecture: amd64\n\n"));
        using var root = BookwormRoot().WithStatus(statusText);
        var report = Path.Combine(root.Path, "missing.tsv");

        var locked = await Debian.Locker.LockAsync(root.Context, new LockRequest([], AllowMissing: true) { ReportPath = report, Provenance = false }, CancellationToken.None);

        Assert.Equal(6, locked.Count);
        var warning = Assert.Single(root.Log.Warnings);
        Assert.StartsWith("305 packages were left out of the lock", warning, StringComparison.Ordinal);
        Assert.Contains(" and 300 more", warning, StringComparison.Ordinal);
        var lines = File.ReadAllLines(report);
        Assert.Equal(305, lines.Length);
        Assert.Contains("gone299:amd64=1.299\tno apt list under " + root.Path + "/var/lib/apt/lists has them", lines);
    }

    [Fact]
    public async Task AllowMissingNeverTurnsNothingLockedIntoAnEmptyLock()
    {
        using var root = new DebianRoot().WithInstalled("hello,2.10-3,amd64", "bash,5.2.15-2+b8,amd64");

        var error = await Assert.ThrowsAsync<ReproGetException>(() => LockAsync(root, allowMissing: true));

        Assert.StartsWith("nothing could be locked: 2 installed package versions are not in apt's lists", error.Message, StringComparison.Ordinal);
        Assert.Contains("there are no apt lists under", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("run `apt-get update` first", error.Hint, StringComparison.Ordinal);
        Assert.Empty(root.Log.Warnings);
    }

    [Fact]
    public async Task ANamedPackageThatIsNotInstalledGetsTheHighestVersion()
    {
        using var root = BookwormRoot();

        var locked = await LockAsync(root, packages: ["hello", "openssl:amd64", "neofetch"]);

        Assert.Equal(
        [
            "pool/main/h/hello/hello_2.10-3_amd64.deb",
            "pool/main/n/neofetch/neofetch_7.1.0-4_all.deb",
            "pool/main/o/openssl/openssl_3.0.20-1~deb12u2_amd64.deb",
        ], locked.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("zlib1g")]
    [InlineData("zlib1g:amd64")]
    [InlineData("ca-certificates:all")]
    [InlineData("ca-certificates:amd64")]
    public async Task ANamedInstalledPackageIsLockedAtItsInstalledVersionWhateverTheArchSpelling(string name)
    {
        using var root = BookwormRoot();

        var locked = Assert.Single(await LockAsync(root, packages: [name]));

        Assert.Contains(name.Split(':')[0] + "_", locked.Name, StringComparison.Ordinal);
        Assert.DoesNotContain(":", locked.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANamedInstalledPackageWhoseVersionNoListHasIsAnError()
    {
        using var root = BookwormRoot();

        var error = await Assert.ThrowsAsync<ReproGetException>(() => LockAsync(root, packages: ["dpkg"]));

        Assert.Contains("dpkg:amd64=1.21.22", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownNamedPackageIsAnError()
    {
        using var root = BookwormRoot();

        var error = await Assert.ThrowsAsync<ReproGetException>(() => LockAsync(root, packages: ["no-such-package"]));

        Assert.Contains("no-such-package", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hello")]
    [InlineData("hello:")]
    [InlineData("h")]
    [InlineData("hello=2.10")]
    public async Task RejectsAMalformedName(string name)
    {
        using var root = BookwormRoot();

        var error = await Assert.ThrowsAsync<ReproGetException>(() => LockAsync(root, packages: [name]));

        Assert.Contains($"invalid package name \"{name}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnyListsTheHintSaysToRunAptGetUpdate()
    {
        using var root = new DebianRoot().WithInstalled("hello,2.10-3,amd64");

        var error = await Assert.ThrowsAsync<ReproGetException>(() => LockAsync(root));

        Assert.Contains("there are no apt lists under", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("run `apt-get update` first", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADamagedListIsAnErrorNamingTheFile()
    {
        using var root = BookwormRoot()
            .WithFile("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm-backports_main_binary-amd64_Packages.lz4", "Package: plain text\n");

        var error = await Assert.ThrowsAsync<CompressedDataException>(() => LockAsync(root));

        Assert.Contains("bookworm-backports_main_binary-amd64_Packages.lz4: the name says lz4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARootWithNothingInstalledIsAnError()
    {
        using var root = new DebianRoot();

        var error = await Assert.ThrowsAsync<ReproGetException>(() => LockAsync(root));

        Assert.Contains("no package is installed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReproducesTheGoToolsDebian11Vector()
    {
        var installed = File.ReadAllLines(FixturePath.Get("debian", "repro-get", "debian11-dpkg-query-bash-hello.txt"));
        using var root = new DebianRoot()
            .WithInstalled(installed)
            .WithList("deb.debian.org_debian_dists_bullseye_main_binary-amd64_Packages",
                File.ReadAllBytes(FixturePath.Get("debian", "repro-get", "debian11-apt-cache-show-bash-hello.txt")), ".gz");

        var locked = await LockAsync(root);

        Assert.Equal(File.ReadAllText(FixturePath.Get("debian", "repro-get", "debian11-expected-SHA256SUMS.txt")), Format(locked));
    }

    [Fact]
    public async Task ReproducesTheGoToolsHelloExampleFromTheBullseyeList()
    {
        using var root = new DebianRoot()
            .WithInstalled("dpkg,1.20.12,amd64")
            .WithList("deb.debian.org_debian_dists_bullseye_main_binary-amd64_Packages",
                File.ReadAllBytes(FixturePath.Get("debian", "bullseye_main_binary-amd64_Packages.hello-neofetch")), ".xz");

        var locked = await LockAsync(root, packages: ["hello"]);

        Assert.Equal(File.ReadAllText(FixturePath.Get("debian", "repro-get", "hello_SHA256SUMS-amd64")), Format(locked));
    }

    [Fact]
    public async Task LocksEveryArchitectureOfAMultiArchPackage()
    {
        const string lists = """
            Package: libc6
            Version: 2.36-9+deb12u14
            Architecture: amd64
            Filename: pool/main/g/glibc/libc6_2.36-9+deb12u14_amd64.deb
            SHA256: 1111111111111111111111111111111111111111111111111111111111111111

            """;
        const string i386 = """
            Package: libc6
            Version: 2.36-9+deb12u14
            Architecture: i386
            Filename: pool/main/g/glibc/libc6_2.36-9+deb12u14_i386.deb
            SHA256: 2222222222222222222222222222222222222222222222222222222222222222

            """;
        using var root = new DebianRoot()
            .WithInstalled("dpkg,1.21.22,amd64,config-files", "libc6,2.36-9+deb12u14,amd64", "libc6,2.36-9+deb12u14,i386")
            .WithList("deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages", lists, ".xz")
            .WithList("deb.debian.org_debian_dists_bookworm_main_binary-i386_Packages", i386, ".zst");

        var locked = await LockAsync(root, packages: ["libc6:amd64", "libc6:i386"]);

        Assert.Equal(
            "1111111111111111111111111111111111111111111111111111111111111111  pool/main/g/glibc/libc6_2.36-9+deb12u14_amd64.deb\n"
            + "2222222222222222222222222222222222222222222222222222222222222222  pool/main/g/glibc/libc6_2.36-9+deb12u14_i386.deb\n",
            Format(locked));
    }

    [Fact]
    public async Task ACandidateFromANotAutomaticReleaseLosesToAnOrdinaryOne()
    {
        const string main = "Package: hello\nVersion: 2.10-3\nArchitecture: amd64\nFilename: pool/main/h/hello/hello_2.10-3_amd64.deb\nSHA256: " + "3333333333333333333333333333333333333333333333333333333333333333" + "\n";
        const string backports = "Package: hello\nVersion: 2.12-1~bpo12+1\nArchitecture: amd64\nFilename: pool/main/h/hello/hello_2.12-1~bpo12+1_amd64.deb\nSHA256: " + "4444444444444444444444444444444444444444444444444444444444444444" + "\n";
        using var root = new DebianRoot()
            .WithInstalled("dpkg,1.21.22,amd64")
            .WithList("deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages", main)
            .WithList("deb.debian.org_debian_dists_bookworm-backports_main_binary-amd64_Packages", backports, ".gz")
            .WithFile("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm-backports_Release",
                "Origin: Debian Backports\nSuite: bookworm-backports\nNotAutomatic: yes\nButAutomaticUpgrades: yes\n");

        var locked = Assert.Single(await LockAsync(root, packages: ["hello"]));

        Assert.Equal("pool/main/h/hello/hello_2.10-3_amd64.deb", locked.Name);
    }

    private static DebianRoot BookwormRoot() => new DebianRoot()
        .WithStatus(File.ReadAllText(FixturePath.Get("debian", "dpkg-status.excerpt")))
        .WithFile("etc/apt/sources.list.d/debian.sources", Sources)
        .WithList(MainList, File.ReadAllBytes(FixturePath.Get("debian", "bookworm_main_binary-amd64_Packages.excerpt")), ".lz4")
        .WithList(UpdatesList, File.ReadAllBytes(FixturePath.Get("debian", "bookworm-updates_main_binary-amd64_Packages")))
        .WithFile("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm-updates_InRelease",
            File.ReadAllText(FixturePath.Get("debian", "bookworm-updates_InRelease")));

    private static Task<IReadOnlyList<LockedFile>> LockAsync(DebianRoot root, bool allowMissing = false, string[]? packages = null) =>
        Debian.Locker.LockAsync(root.Context, new LockRequest(packages ?? [], allowMissing) { Provenance = false }, CancellationToken.None);

    private static string Format(IEnumerable<LockedFile> files) =>
        string.Concat(files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Sha256.Hex}  {f.Name}\n"));

    private static string ShaOf(string package, string version)
    {
        var text = File.ReadAllText(FixturePath.Get("debian", "bookworm_main_binary-amd64_Packages.excerpt"));
        var stanza = text.Split("\n\n").Single(s => s.StartsWith($"Package: {package}\n", StringComparison.Ordinal) && s.Contains($"\nVersion: {version}\n", StringComparison.Ordinal));
        return stanza.Split('\n').Single(l => l.StartsWith("SHA256: ", StringComparison.Ordinal))[8..];
    }
}
