using System.Security.Cryptography;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Distros.Arch.Tests.Integration;

/// <summary>
/// A real signed pacman repository, built once per test run by <c>scripts/make-test-repos/arch/make-repo</c> (Debian's
/// makepkg, gpg and repo-add), served on a loopback Kestrel server both as a repository (<c>/reprotest/…</c>) and
/// by hash (<c>/sha256/&lt;hex&gt;</c>), with helpers to make fresh pacman roots that trust its packager key.
/// </summary>
public sealed class ArchTestRepository : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public LoopbackHttpServer Server { get; private set; } = null!;

    public string RepositoryDirectory => _temp.Combine("repo");

    public string RogueDirectory => _temp.Combine("rogue");

    /// <summary>A gpg home that trusts the packager key (what a test root gets as its pacman keyring).</summary>
    public string KeyringDirectory => _temp.Combine("keyring");

    public string ByHashProvider => Server.Url("/sha256/{{.SHA256}}");

    /// <summary>The package files of the repository (not the rogue one), with their signatures beside them.</summary>
    public IEnumerable<string> Packages => Directory.EnumerateFiles(RepositoryDirectory, "*.pkg.tar.zst").Order(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        RealTool.Run(Path.Combine(FixturePath.RepositoryRoot, "scripts", "make-test-repos", "arch", "make-repo"), _temp.Path);
        Server = await LoopbackHttpServer.StartAsync();
        foreach (var file in Directory.EnumerateFiles(RepositoryDirectory))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Server.Serve("/reprotest/" + Path.GetFileName(file), bytes);
            Server.ServeBySha256(bytes);
        }
        foreach (var file in Directory.EnumerateFiles(RogueDirectory))
        {
            Server.ServeBySha256(await File.ReadAllBytesAsync(file));
        }
    }

    /// <summary>
    /// A fresh root with pacman.conf, the keyring that trusts the packager, and an empty database; with
    /// <paramref name="withRepository"/> its pacman.conf lists the served repository.
    /// </summary>
    public string CreateRoot(string root, bool withRepository)
    {
        Directory.CreateDirectory(Path.Combine(root, "var", "lib", "pacman"));
        var keyring = Path.Combine(root, "etc", "pacman.d", "gnupg");
        Directory.CreateDirectory(keyring);
        foreach (var file in Directory.EnumerateFiles(KeyringDirectory).Where(f => !Path.GetFileName(f).StartsWith("S.", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(keyring, Path.GetFileName(file)));
        }
        var config = "[options]\nArchitecture = auto\nSigLevel = Required DatabaseOptional\n";
        if (withRepository)
        {
            config += $"[reprotest]\nServer = {Server.Url("/reprotest")}\n";
        }
        File.WriteAllText(Path.Combine(root, "etc", "pacman.conf"), config);
        return root;
    }

    /// <summary>Runs the real pacman on <paramref name="root"/>, with everything pointed inside it.</summary>
    public static string Pacman(string root, params string[] arguments) => RealTool.Run("pacman",
    [
        "--root", root, "--dbpath", Path.Combine(root, "var/lib/pacman"), "--config", Path.Combine(root, "etc/pacman.conf"),
        "--gpgdir", Path.Combine(root, "etc/pacman.d/gnupg"), "--cachedir", Path.Combine(root, "var/cache/pacman/pkg"),
        .. arguments,
    ]);

    /// <summary><c>pacman -Q</c>: one "name version" line per installed package.</summary>
    public static string Query(string root) => Pacman(root, "-Q");

    /// <summary>The lock line of a package file or signature as hash generate names it (<c>r/rg-hello/…</c>).</summary>
    public static string LockLine(string file)
    {
        var basename = Path.GetFileName(file);
        var package = ArchPackageFile.Parse(basename.EndsWith(".sig", StringComparison.Ordinal) ? basename[..^4] : basename);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        return $"{sha}  {ArchPackageFile.ArchiveName(package.Package, basename)}";
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _temp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ArchTestRepositoryCollection : ICollectionFixture<ArchTestRepository>
{
    public const string Name = "arch test repository";
}
