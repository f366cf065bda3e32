using System.Text.Json;
using ReproGet.TestKit;

namespace ReproGet.Distros.Arch.Tests.Integration;

/// <summary>
/// <c>repro-get verify</c> on Arch locks, with the real gpg/gpgv: each package's locked <c>.sig</c> (from the sync
/// database's <c>%PGPSIG%</c>, cached by hash generate) against the root's pacman keyring or a <c>--keyring</c> file,
/// offline. Unknown key, bytes that do not match the signature, and a key present but not trusted fail; a package
/// without a <c>.sig</c> line is unproven.
/// </summary>
[Collection(ArchTestRepositoryCollection.Name)]
[Trait("Category", "Integration")]
public sealed class VerifyTests(ArchTestRepository repository) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task ALockFromHashGenerateVerifiesOfflineAgainstTheRootsPacmanKeyring()
    {
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: true);
        ArchTestRepository.Pacman(root, "-Sy", "--noconfirm", "rg-hello", "rg-epoch");
        using var generate = await ReproGetProcess.RunAsync(["--root", root, "--distro", "arch", "--cache", _temp.Combine("c"), "hash", "generate"]);
        Assert.True(generate.ExitCode == 0, generate.ToString());
        var lockfile = _temp.WriteFile("SHA256SUMS", generate.StandardOutput);
        using var download = await ReproGetProcess.RunAsync(["--root", root, "--distro", "arch", "--cache", _temp.Combine("c"),
            "--provider", repository.ByHashProvider, "download", lockfile]);
        Assert.True(download.ExitCode == 0, download.ToString());
        var requests = repository.Server.Requests.Count;

        using var verify = await ReproGetProcess.RunAsync(["--root", root, "--distro", "arch", "--cache", _temp.Combine("c"),
            "verify", "--offline", "--json", lockfile]);

        Assert.True(verify.ExitCode == 0, verify.ToString());
        using var json = JsonDocument.Parse(verify.StandardOutput);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        var fingerprint = File.ReadAllText(Path.Combine(Path.GetDirectoryName(repository.RepositoryDirectory)!, "packager.fpr")).Trim();
        Assert.All(entries, e =>
        {
            Assert.Equal("verified", e.GetProperty("status").GetString());
            Assert.Equal(fingerprint, e.GetProperty("fingerprint").GetString());
            Assert.Equal("ReproGet Test Packager <reproget-test-packager@reproget.invalid>", e.GetProperty("uid").GetString());
            Assert.Equal(e.GetProperty("name").GetString() + ".sig", e.GetProperty("signature").GetString());
        });
        Assert.Contains("3 verified, 0 unproven, 0 failed", verify.StandardError);
        Assert.Equal(requests, repository.Server.Requests.Count);
    }

    [Fact]
    public async Task AnUnknownKeyBytesThatDoNotMatchTheirSignatureAndAMissingSignatureAreEachReported()
    {
        var packages = repository.Packages.ToList();
        var hello = packages.Single(p => p.Contains("rg-hello", StringComparison.Ordinal));
        var epoch = packages.Single(p => p.Contains("rg-epoch", StringComparison.Ordinal));
        var libgreet = packages.Single(p => p.Contains("rg-libgreet", StringComparison.Ordinal));
        var rogue = Directory.EnumerateFiles(repository.RogueDirectory, "*.pkg.tar.zst").Single();
        var lines = new List<string>
        {
            ArchTestRepository.LockLine(hello), ArchTestRepository.LockLine(hello + ".sig"),
            ArchTestRepository.LockLine(rogue), ArchTestRepository.LockLine(rogue + ".sig"),
            // rg-epoch's .sig line pins rg-libgreet's signature: made by the trusted key, over other bytes.
            ArchTestRepository.LockLine(epoch), ArchTestRepository.LockLine(libgreet + ".sig")[..66] + ArchTestRepository.LockLine(epoch)[66..] + ".sig",
            ArchTestRepository.LockLine(libgreet),
        };
        var lockfile = _temp.WriteFile("SHA256SUMS", string.Concat(lines.Select(l => l + "\n")));
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: false);

        using var verify = await ReproGetProcess.RunAsync(["--root", root, "--distro", "arch", "--cache", _temp.Combine("c"),
            "--provider", repository.ByHashProvider, "verify", lockfile]);

        Assert.Equal(1, verify.ExitCode);
        // Rows come in the lock's name order.
        var rows = verify.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("failed    provenance  r/rg-epoch/rg-epoch-1:0.5-2-any.pkg.tar.zst  signature link broken: BAD signature by key ", rows[0]);
        Assert.StartsWith("verified  provenance  r/rg-hello/rg-hello-2.1-3-x86_64.pkg.tar.zst  signed by ReproGet Test Packager", rows[1]);
        Assert.Equal("unproven  provenance  r/rg-libgreet/rg-libgreet-1.0-1-any.pkg.tar.zst  the lock has no rg-libgreet-1.0-1-any.pkg.tar.zst.sig line", rows[2]);
        Assert.StartsWith("failed    provenance  r/rg-rogue/rg-rogue-1.0-1-any.pkg.tar.zst  signature link broken: signed by key ", rows[3]);
        Assert.EndsWith("which is not in the keyring", rows[3]);
        Assert.Contains("1 verified, 1 unproven, 2 failed", verify.StandardError);
    }

    [Fact]
    public async Task AGivenKeyringReplacesTheRootsAndAKeyPresentButUntrustedIsRefused()
    {
        var rogue = Directory.EnumerateFiles(repository.RogueDirectory, "*.pkg.tar.zst").Single();
        var lockfile = _temp.WriteFile("SHA256SUMS", ArchTestRepository.LockLine(rogue) + "\n" + ArchTestRepository.LockLine(rogue + ".sig") + "\n");
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: false);
        string[] common = ["--root", root, "--distro", "arch", "--cache", _temp.Combine("c"), "--provider", repository.ByHashProvider, "verify"];

        using var given = await ReproGetProcess.RunAsync([.. common, "--keyring", repository.RogueKeyring, lockfile]);
        // The rogue key imported into the root's keyring without any trust, as a plain `pacman-key --add` leaves it.
        RealTool.Run("gpg", "--homedir", Path.Combine(root, "etc/pacman.d/gnupg"), "--batch", "--quiet", "--import", repository.RogueKeyring);
        using var untrusted = await ReproGetProcess.RunAsync([.. common, "--offline", lockfile]);

        Assert.True(given.ExitCode == 0, given.ToString());
        Assert.StartsWith("verified  provenance  r/rg-rogue/rg-rogue-1.0-1-any.pkg.tar.zst  signed by ReproGet Rogue Packager", given.StandardOutput);
        Assert.Equal(1, untrusted.ExitCode);
        Assert.Contains("is in the keyring but not trusted", untrusted.StandardOutput);
    }

    public void Dispose() => _temp.Dispose();
}
