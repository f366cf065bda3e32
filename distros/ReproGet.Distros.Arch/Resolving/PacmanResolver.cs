using System.Text.RegularExpressions;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Processes;
using ReproGet.Distros.Arch.Configuration;
using ReproGet.Distros.Arch.Database;

namespace ReproGet.Distros.Arch.Resolving;

/// <summary>
/// Resolves with pacman itself in a <see cref="PrivatePacmanState"/>: <c>pacman -Sy</c> into the private database
/// path (only when the sync databases are older than the request allows, or the repositories changed), then
/// <c>pacman -Sp</c> (print the URLs of what <c>-S</c> would download) with <c>--arch</c> against an empty local
/// database or the base root's. Each file's SHA-256 and signature come from the private sync databases, as
/// <c>hash generate</c> reads them, so the lock has the same lines (package and <c>.sig</c>).
/// </summary>
internal sealed partial class PacmanResolver : IPackageResolver
{
    private const string Pacman = "pacman";

    public async Task<Resolution> ResolveAsync(ResolveRequest request, IStatusLog log, CancellationToken cancellationToken)
    {
        if (request.Snapshot is not null)
        {
            throw new ReproGetException("snapshot: resolving Arch against the Arch Linux Archive by date is not supported",
                "remove `snapshot` and name the archive's dated repository as the server: \"core https://archive.archlinux.org/repos/2024/01/01/$repo/os/$arch\"");
        }
        if (request.StatusFile is not null)
        {
            throw new ReproGetException($"base {request.StatusFile}: a dpkg status file cannot be the base of an Arch lock",
                "use a base lock (SHA256SUMS-base-{arch}), a root directory with a pacman database, or \"none\"");
        }
        var repositories = request.Sources.Select(PacmanRepositoryLine.Parse).ToList();
        var state = PrivatePacmanState.Create(request.StateDirectory);
        if (state.WriteConfig(request.Architecture, repositories))
        {
            state.MarkStale();
        }
        var baseConfig = request.BaseRoot is { } root ? PacmanConfig.Load(new DistroContext(root, log)) : null;
        state.UseLocalDatabase(baseConfig is null ? null : Path.Combine(new DistroContext(request.BaseRoot!, log).RootPath(baseConfig.DatabasePath), "local"));
        var keyring = request.Keyring
            ?? (baseConfig is null ? "/etc/pacman.d/gnupg" : new DistroContext(request.BaseRoot!, log).RootPath(baseConfig.KeyringPath));
        var arguments = Options(state, request.Architecture, keyring);
        var fresh = state.LastUpdate is { } updated && DateTimeOffset.UtcNow - updated < request.MaxIndexAge;
        if (request.Refresh || !fresh)
        {
            log.Info($"{request.Architecture}: pacman -Sy in {state.Directory}");
            var update = await ProcessRunner.RunAsync(Pacman, [.. arguments, "-Sy"], cancellationToken, throwOnFailure: false).ConfigureAwait(false);
            if (update.ExitCode != 0)
            {
                state.MarkStale();
                throw new ReproGetException($"pacman -Sy ({request.Architecture}) failed: {Errors(update.StandardError)}",
                    update.StandardError.Contains("signature", StringComparison.OrdinalIgnoreCase)
                        ? $"a database signature did not verify with the keyring {keyring}: name the repository's keyring (a gpg home) with keyring = \"PATH\""
                        : "check the sources (NAME SERVER) and the network");
            }
            state.MarkUpdated();
        }
        var print = await ProcessRunner.RunAsync(Pacman, [.. arguments, "-Sp", "--print-format", "%r %l", "--", .. request.Packages],
            cancellationToken, throwOnFailure: false).ConfigureAwait(false);
        if (print.ExitCode != 0)
        {
            throw new ReproGetException(
                $"pacman cannot install {string.Join(' ', request.Packages)} for {request.Architecture}: {Errors(print.StandardError)}",
                "check the package names (NAME or NAME=VERSION) against the sources' repositories");
        }
        var version = await VersionAsync(cancellationToken).ConfigureAwait(false);
        return new Resolution(Lock(state, repositories, print.StandardOutput, log), version);
    }

    private static List<string> Options(PrivatePacmanState state, string architecture, string keyring) =>
    [
        "--root", state.Root, "--dbpath", state.DatabasePath, "--config", state.ConfigFile, "--cachedir", state.CachePath,
        "--logfile", state.LogFile, "--gpgdir", keyring, "--arch", architecture, "--noconfirm", "--noprogressbar",
    ];

    private static List<LockedFile> Lock(PrivatePacmanState state, IReadOnlyList<PacmanRepositoryLine> repositories, string output, IStatusLog log)
    {
        var databases = new Dictionary<string, IReadOnlyDictionary<string, SyncPackage>>(StringComparer.Ordinal);
        var locked = new List<LockedFile>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.IndexOf(' ');
            if (space <= 0 || repositories.All(r => r.Name != line[..space]))
            {
                throw new ReproGetException($"unexpected pacman -Sp line: {Printable(line)}");
            }
            var repository = line[..space];
            var fileName = Uri.UnescapeDataString(line[(space + 1)..].Split('/')[^1]);
            if (!databases.TryGetValue(repository, out var packages))
            {
                var path = Path.Combine(state.SyncDirectory, repository + SyncDatabase.Suffix);
                databases[repository] = packages = SyncDatabase.Read(path, repository).ToDictionary(p => p.FileName, StringComparer.Ordinal);
            }
            var package = packages.GetValueOrDefault(fileName)
                ?? throw new ReproGetException($"{Printable(fileName)}: pacman chose it from {repository}, but that sync database has no SHA-256 for it",
                    "run `repro-get lock --refresh` to fetch the databases again");
            var name = ArchPackageFile.ArchiveName(package.Name, package.FileName);
            locked.Add(new LockedFile(package.Sha256, name));
            if (package.Signature is { } signature)
            {
                locked.Add(new LockedFile(Sha256Hasher.HashBytes(signature), name + ArchPackageFile.SignatureSuffix));
            }
            else
            {
                log.Warn($"no signature for {package.FileName}: the {repository} database has no %PGPSIG%; `install` will refuse it unless a provider serves its .sig");
            }
        }
        return [.. locked.DistinctBy(f => f.Name).OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(Pacman, ["--version"], cancellationToken).ConfigureAwait(false);
        return VersionPattern().Match(result.StandardOutput) is { Success: true } match ? $"pacman {match.Groups[1].Value}" : "pacman";
    }

    private static string Errors(string standardError)
    {
        var errors = standardError.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).Select(l => l[7..].Trim()).ToList();
        return Printable(errors.Count > 0
            ? string.Join(" | ", errors)
            : standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no error output)");
    }

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    [GeneratedRegex(@"Pacman v(\S+)")]
    private static partial Regex VersionPattern();
}
