using System.Security.Cryptography;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Distros.Fedora.Tests.Integration;

/// <summary>
/// A real signed rpm repository, built once per test run by <c>scripts/make-test-repos/rpm/make-repo</c> (Debian's
/// rpmbuild, rpmsign and createrepo_c), served on a loopback Kestrel server as a repository (<c>/repo/…</c>), by
/// hash (<c>/sha256/&lt;hex&gt;</c>, every file the script made) and as Koji does (<c>/koji/N/V/R/arch/file</c>,
/// the unsigned build outputs), with helpers for fresh roots whose rpm database trusts the packager key.
/// </summary>
public sealed class FedoraTestRepository : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public LoopbackHttpServer Server { get; private set; } = null!;

    public string ByHashProvider => Server.Url("/sha256/{{.SHA256}}");

    public string KojiProvider => Server.Url("/koji/{{.Name}}");

    public string KeyPath => _temp.Combine("key.asc");

    public string Signed(string fileName) => _temp.Combine("repo", fileName);

    public string Unsigned(string fileName) => _temp.Combine("unsigned", fileName);

    public string WrongKey(string fileName) => _temp.Combine("wrongkey", fileName);

    public string Extra => _temp.Combine("extra", "extra-0.1-1.noarch.rpm");

    public async Task InitializeAsync()
    {
        RealTool.Run(Path.Combine(FixturePath.RepositoryRoot, "scripts", "make-test-repos", "rpm", "make-repo"), _temp.Path);
        Server = await LoopbackHttpServer.StartAsync();
        var repository = _temp.Combine("repo");
        foreach (var file in Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories))
        {
            Server.Serve("/repo/" + Path.GetRelativePath(repository, file), await File.ReadAllBytesAsync(file));
        }
        foreach (var file in Directory.EnumerateFiles(_temp.Path, "*.rpm", SearchOption.AllDirectories))
        {
            Server.ServeBySha256(await File.ReadAllBytesAsync(file));
        }
        foreach (var file in Directory.EnumerateFiles(_temp.Combine("unsigned")))
        {
            Server.Serve("/koji/" + KojiName(file), await File.ReadAllBytesAsync(file));
        }
    }

    /// <summary>A fresh root whose rpm database holds only the packager key; with a repository file for dnf when asked.</summary>
    public string CreateRoot(string root, bool withRepository)
    {
        Directory.CreateDirectory(root);
        RealTool.Run("rpm", "--root", root, "--import", KeyPath);
        if (withRepository)
        {
            Directory.CreateDirectory(Path.Combine(root, "etc", "yum.repos.d"));
            File.WriteAllText(Path.Combine(root, "etc", "yum.repos.d", "reprotest.repo"),
                $"[reprotest]\nname=ReproGet test\nbaseurl={Server.Url("/repo/")}\ngpgcheck=1\n");
        }
        return root;
    }

    /// <summary>The real dnf on <paramref name="root"/>, reading only the root's repository files.</summary>
    public static string Dnf(string root, params string[] arguments) => RealTool.Run("dnf",
    [
        "-y", "-q", "--installroot", root, "--releasever", "40", "--setopt", $"reposdir={Path.Combine(root, "etc", "yum.repos.d")}",
        "--setopt", "install_weak_deps=False", .. arguments,
    ]);

    /// <summary><c>rpm -qa</c> of a root, sorted, one package per line.</summary>
    public static string Query(string root) =>
        string.Concat(RealTool.Run("rpm", "--root", root, "-qa").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal).Select(l => l + "\n"));

    /// <summary>The lock line hash generate writes for a package file (Koji-layout name).</summary>
    public static string LockLine(string file) => $"{Sha256(file)}  {KojiName(file)}";

    public static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    // The test packages are their own source packages: name/version/release/noarch/file.
    private static string KojiName(string file)
    {
        var package = Core.Packages.PackageFileName.TryParse(Path.GetFileName(file))!;
        return $"{package.Package}/{package.Version}/{package.Release}/{package.Architecture}/{Path.GetFileName(file)}";
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _temp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class FedoraTestRepositoryCollection : ICollectionFixture<FedoraTestRepository>
{
    public const string Name = "fedora test repository";
}
