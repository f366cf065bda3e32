using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Processes;
using ReproGet.Distros.Arch.Configuration;
using ReproGet.Formats.OpenPgp;

namespace ReproGet.Distros.Arch.Verifying;

/// <summary>
/// The keys a package's detached <c>.sig</c> is checked against, offline:
/// <list type="bullet">
/// <item>the root's pacman keyring (<c>GPGDir</c>, <c>/etc/pacman.d/gnupg</c>): checked with <c>gpg</c> in a private
/// copy of that home (the root's keyring is never written), and the key must be fully or ultimately valid in its web
/// of trust, as pacman and <c>pacman-key --verify</c> demand (a key merely present, or disabled by
/// <c>pacman-key --populate</c>'s revoked list, is refused);</item>
/// <item>keyring files given with <c>--keyring</c> (binary or armored): checked with <c>gpgv</c>, every key in them trusted.</item>
/// </list>
/// </summary>
internal sealed class PacmanKeyring : IDisposable
{
    // The files of a gpg home that hold keys and trust; never gpg.conf (keyserver options), never sockets.
    private static readonly string[] HomeFiles = ["pubring.gpg", "pubring.kbx", "trustdb.gpg"];

    private readonly GpgKeyrings _home;
    private readonly bool _webOfTrust;

    private PacmanKeyring(GpgKeyrings home, bool webOfTrust, string description)
    {
        _home = home;
        _webOfTrust = webOfTrust;
        Description = description;
    }

    public string Description { get; }

    public static PacmanKeyring Open(DistroContext context, IReadOnlyList<string> given)
    {
        if (given.Count > 0)
        {
            var files = given.Select(Path.GetFullPath).ToList();
            foreach (var file in files.Where(f => !File.Exists(f)))
            {
                throw new ReproGetException($"keyring \"{file}\" does not exist", "pass an OpenPGP keyring file (binary .gpg or armored .asc)");
            }
            return new PacmanKeyring(new GpgKeyrings(files), webOfTrust: false, string.Join(", ", files));
        }
        var directory = context.RootPath(PacmanConfig.Load(context).KeyringPath);
        if (!HomeFiles.Any(f => File.Exists(Path.Combine(directory, f))))
        {
            throw new ReproGetException($"no pacman keyring at \"{directory}\": cannot check the package signatures",
                $"pass --keyring FILE (e.g. /usr/share/pacman/keyrings/archlinux.gpg), or create it: `pacman-key --gpgdir {directory} --init && pacman-key --gpgdir {directory} --populate`");
        }
        var home = new GpgKeyrings(Array.Empty<string>());
        foreach (var file in HomeFiles.Where(f => File.Exists(Path.Combine(directory, f))))
        {
            File.Copy(Path.Combine(directory, file), Path.Combine(home.HomeDirectory, file));
        }
        return new PacmanKeyring(home, webOfTrust: true, directory);
    }

    /// <summary>The signer of <paramref name="signature"/> over <paramref name="file"/>, judged as of the signature's own time, or why none is accepted.</summary>
    public async Task<(OpenPgpSigner? Signer, string? Failure)> VerifyAsync(string signature, string file, CancellationToken cancellationToken)
    {
        var result = _webOfTrust
            ? await ProcessRunner.RunAsync("gpg",
                ["--homedir", _home.HomeDirectory, "--batch", "--no-auto-key-retrieve", "--no-auto-check-trustdb", "--status-fd", "1",
                    "--verify", "--", signature, file], cancellationToken, throwOnFailure: false).ConfigureAwait(false)
            : await ProcessRunner.RunAsync("gpgv",
                ["--homedir", _home.HomeDirectory, "--status-fd", "1", .. _home.Arguments(), "--", signature, file],
                cancellationToken, throwOnFailure: false).ConfigureAwait(false);
        return GpgStatus.Parse(result.StandardOutput).Judge(asOf: null, DateTimeOffset.UtcNow, requireFullTrust: _webOfTrust);
    }

    public void Dispose() => _home.Dispose();
}
