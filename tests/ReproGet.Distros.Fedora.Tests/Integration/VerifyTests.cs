using System.Security.Cryptography;
using System.Text.Json;
using ReproGet.TestKit;

namespace ReproGet.Distros.Fedora.Tests.Integration;

/// <summary>
/// <c>repro-get verify</c> on Fedora locks, with the real rpmkeys: each cached rpm's header signature and digests
/// against the root's rpm database or key files given with <c>--keyring</c> (imported into a private rpmdb). Signed by
/// the packager key → verified; unsigned → unproven; signed by another key or with changed bytes → failed.
/// </summary>
[Collection(FedoraTestRepositoryCollection.Name)]
[Trait("Category", "Integration")]
public sealed class VerifyTests(FedoraTestRepository repository) : IDisposable
{
    private const string Hello = "hello-1.0-1.noarch.rpm";
    private const string Greeting = "greeting-2.1-3.noarch.rpm";
    private const string Packager = "ReproGet Test Packager <packager@example.invalid>";
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task ALockFromHashGenerateVerifiesOfflineAgainstTheRootsRpmDatabase()
    {
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: true);
        FedoraTestRepository.Dnf(root, "install", "hello");
        using var generate = await ReproGetProcess.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"), "hash", "generate"]);
        Assert.True(generate.ExitCode == 0, generate.ToString());
        var lockfile = _temp.WriteFile("SHA256SUMS", generate.StandardOutput);
        using var download = await ReproGetProcess.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"),
            "--provider", repository.ByHashProvider, "download", lockfile]);
        Assert.True(download.ExitCode == 0, download.ToString());

        using var verify = await ReproGetProcess.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"),
            "verify", "--offline", "--json", lockfile]);

        Assert.True(verify.ExitCode == 0, verify.ToString());
        using var json = JsonDocument.Parse(verify.StandardOutput);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal("verified", e.GetProperty("status").GetString());
            Assert.Equal(Packager, e.GetProperty("uid").GetString());
            Assert.Matches("^[0-9a-f]{8}$", e.GetProperty("keyid").GetString());
        });
        Assert.Contains("2 verified, 0 unproven, 0 failed", verify.StandardError);
    }

    [Fact]
    public async Task UnsignedIsUnprovenAndAnotherKeyOrChangedBytesFail()
    {
        var tampered = File.ReadAllBytes(repository.Signed(Hello));
        tampered[^100] ^= 0x20; // a byte of the compressed payload: the signed header's payload digest no longer matches
        repository.Server.ServeBySha256(tampered);
        var tamperedSha = Convert.ToHexStringLower(SHA256.HashData(tampered));
        var lockfile = _temp.WriteFile("SHA256SUMS",
            $"{tamperedSha}  hello/1.0/1/noarch/{Hello}\n"
            + FedoraTestRepository.LockLine(repository.WrongKey(Greeting)) + "\n"
            + $"{FedoraTestRepository.Sha256(repository.Unsigned(Hello))}  unsigned/1.0/1/noarch/unsigned-1.0-1.noarch.rpm\n"
            + FedoraTestRepository.LockLine(repository.Extra) + "\n");
        var root = repository.CreateRoot(_temp.Combine("r"), withRepository: false);

        using var verify = await ReproGetProcess.RunAsync(["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"),
            "--provider", repository.ByHashProvider, "verify", lockfile]);

        Assert.Equal(1, verify.ExitCode);
        var rows = verify.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(r => r.Split("  ", StringSplitOptions.RemoveEmptyEntries)[2], r => r);
        Assert.StartsWith("verified  provenance  extra/0.1/1/noarch/extra-0.1-1.noarch.rpm  header signed by key ID ", rows["extra/0.1/1/noarch/extra-0.1-1.noarch.rpm"]);
        Assert.EndsWith($"({Packager})", rows["extra/0.1/1/noarch/extra-0.1-1.noarch.rpm"]);
        Assert.Contains("signature link broken: signed by key ID ", rows[$"greeting/2.1/3/noarch/{Greeting}"]);
        Assert.Contains("which is not in the keyring", rows[$"greeting/2.1/3/noarch/{Greeting}"]);
        Assert.Contains("signature link broken: the file does not match its signed header: Payload SHA256", rows[$"hello/1.0/1/noarch/{Hello}"]);
        Assert.Equal("unproven  provenance  unsigned/1.0/1/noarch/unsigned-1.0-1.noarch.rpm  the rpm carries no signature (digests only)",
            rows["unsigned/1.0/1/noarch/unsigned-1.0-1.noarch.rpm"]);
        Assert.Contains("1 verified, 1 unproven, 2 failed", verify.StandardError);
    }

    [Fact]
    public async Task GivenKeyFilesReplaceTheRootsDatabaseWhichIsLeftUntouched()
    {
        var lockfile = _temp.WriteFile("SHA256SUMS", FedoraTestRepository.LockLine(repository.Signed(Hello)) + "\n");
        var root = _temp.Combine("bare");
        Directory.CreateDirectory(root);
        string[] common = ["--root", root, "--distro", "fedora", "--cache", _temp.Combine("c"), "--provider", repository.ByHashProvider, "verify"];

        using var rootKeys = await ReproGetProcess.RunAsync([.. common, lockfile]);
        var before = Listing(root);
        using var given = await ReproGetProcess.RunAsync([.. common, "--offline", "--keyring", repository.KeyPath, lockfile]);

        Assert.Equal(1, rootKeys.ExitCode);
        Assert.Contains("which is not in the keyring", rootKeys.StandardOutput);
        Assert.True(given.ExitCode == 0, given.ToString());
        Assert.StartsWith($"verified  provenance  hello/1.0/1/noarch/{Hello}  header signed by key ID ", given.StandardOutput);
        Assert.Equal(before, Listing(root));
    }

    private static List<string> Listing(string directory) =>
        [.. Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{f} {(File.Exists(f) ? new FileInfo(f).Length : -1)} {File.GetLastWriteTimeUtc(f).Ticks}")];

    public void Dispose() => _temp.Dispose();
}
