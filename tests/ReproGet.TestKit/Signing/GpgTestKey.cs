using System.Diagnostics;
using System.Globalization;

namespace ReproGet.TestKit.Signing;

/// <summary>
/// A throwaway OpenPGP key made with the real gpg in its own home, for signing test InRelease files: optionally made
/// in the past and expiring, so "an old signature by a key that has expired since" can be tested with real tools.
/// </summary>
public sealed class GpgTestKey : IDisposable
{
    private readonly TempDirectory _home = new();

    /// <param name="uid">The key's user id.</param>
    /// <param name="createdAt">The key's creation time (gpg's faked system time); null = now.</param>
    /// <param name="expiresAt">When the key expires; null = never.</param>
    public GpgTestKey(string uid, DateTimeOffset? createdAt = null, DateTimeOffset? expiresAt = null)
    {
        RealTool.RequireInstalled("gpg");
        var expiry = expiresAt is { } e ? e.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) : "never";
        Gpg(createdAt, "--passphrase", "", "--quick-gen-key", uid, "ed25519", "sign", expiry);
        Fingerprint = Gpg(null, "--with-colons", "--list-keys").Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
    }

    public string Fingerprint { get; }

    /// <summary>Writes the public key as a binary keyring (what gpgv and apt read); returns the path.</summary>
    public string ExportKeyring(string path)
    {
        Gpg(null, "--output", path, "--export", Fingerprint);
        return path;
    }

    /// <summary>Clear-signs <paramref name="text"/> as an InRelease, as of <paramref name="signedAt"/> (null = now).</summary>
    public byte[] ClearSign(byte[] text, DateTimeOffset? signedAt = null)
    {
        var input = _home.WriteFile($"in-{Guid.NewGuid():N}", text);
        var output = input + ".asc";
        Gpg(signedAt, "--digest-algo", "SHA256", "--output", output, "--clearsign", input);
        return File.ReadAllBytes(output);
    }

    public void Dispose() => _home.Dispose();

    private string Gpg(DateTimeOffset? at, params string[] arguments)
    {
        var info = new ProcessStartInfo("gpg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--homedir", _home.Path, "--batch", "--pinentry-mode", "loopback" }
            .Concat(at is { } t ? ["--faked-system-time", t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "!"] : [])
            .Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"gpg {string.Join(' ', arguments)} failed: {stderr}");
    }
}
