using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Processes;
using ReproGet.Distros.Arch.Configuration;
using ReproGet.Distros.Arch.Database;

namespace ReproGet.Distros.Arch.Installing;

/// <summary>
/// Installs cached package files with pacman: every package about to be installed must have its locked detached
/// signature, and every one of those signatures must verify with the root's keyring (<c>pacman-key --verify</c>)
/// before anything is installed; then one <c>pacman -U --noconfirm</c> transaction installs them all.
/// Packages already installed are not passed here, so their signatures are neither fetched nor verified
/// (the Go tool verified them without the package file beside them, and failed).
/// </summary>
public sealed class PacmanInstaller : IPackageInstaller
{
    public Task<IReadOnlyList<LockEntry>> SelectNotInstalledAsync(DistroContext context, IReadOnlyList<LockEntry> packages,
        CancellationToken cancellationToken)
    {
        var config = PacmanConfig.Load(context);
        var installed = LocalDatabase.Read(context.RootPath(config.DatabasePath));
        IReadOnlyList<LockEntry> missing = [.. packages.Where(entry => !IsInstalled(installed, entry))];
        return Task.FromResult(missing);
    }

    public async Task InstallAsync(DistroContext context, IReadOnlyList<CachedFile> packages,
        IReadOnlyList<CachedFile> auxiliary, CancellationToken cancellationToken)
    {
        if (packages.Count == 0)
        {
            return;
        }
        var commandLine = new PacmanCommandLine(context, PacmanConfig.Load(context));
        if (!Directory.Exists(commandLine.KeyringPath))
        {
            throw new ReproGetException($"no pacman keyring at \"{commandLine.KeyringPath}\": cannot verify the package signatures",
                $"create it: `pacman-key --gpgdir {commandLine.KeyringPath} --init && pacman-key --gpgdir {commandLine.KeyringPath} --populate`");
        }
        var staging = Directory.CreateTempSubdirectory("repro-get-pacman-");
        try
        {
            var files = Stage(staging.FullName, packages, auxiliary);
            await VerifyAsync(commandLine, files, cancellationToken).ConfigureAwait(false);
            if (commandLine.IsOtherRoot)
            {
                // As pacstrap does: a fresh root needs these before pacman will open it.
                Directory.CreateDirectory(commandLine.DatabasePath);
                Directory.CreateDirectory(commandLine.CachePath);
            }
            context.Log.Info($"running pacman -U with {files.Count} packages (signatures verified)");
            string[] arguments = ["-U", "--noconfirm", .. commandLine.PacmanOptions(), .. files.Select(f => f.Package)];
            var exitCode = await ProcessRunner.RunInteractiveAsync("pacman", arguments, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new ReproGetException($"`pacman -U` failed with exit code {exitCode} installing {files.Count} packages",
                    "see pacman's messages above; the lockfile must hold every dependency of the packages it installs");
            }
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    private static bool IsInstalled(IReadOnlyDictionary<string, InstalledPackage> installed, LockEntry entry)
    {
        var file = ArchPackageFile.Parse(entry.Basename);
        return installed.TryGetValue(file.Package, out var package)
            && package.Version == file.FullVersion
            && (package.Architecture.Length == 0 || package.Architecture == file.Architecture);
    }

    // pacman wants package file names it can parse, so each blob is linked under its base name, its signature beside it.
    private static List<StagedPackage> Stage(string directory, IReadOnlyList<CachedFile> packages, IReadOnlyList<CachedFile> auxiliary)
    {
        var signatures = auxiliary.ToDictionary(a => a.Entry.Name, StringComparer.Ordinal);
        var unsigned = packages.Where(p => !signatures.ContainsKey(p.Entry.Name + ArchPackageFile.SignatureSuffix)).ToList();
        if (unsigned.Count > 0)
        {
            throw new ReproGetException(
                $"no signature is locked for {string.Join(", ", unsigned.Select(p => p.Entry.Name))}: nothing was installed",
                "lock the packages with `repro-get hash generate`, which adds each package's .sig line");
        }
        var staged = new List<StagedPackage>();
        foreach (var package in packages)
        {
            var path = Path.Combine(directory, package.Entry.Basename);
            File.CreateSymbolicLink(path, package.BlobPath);
            File.CreateSymbolicLink(path + ArchPackageFile.SignatureSuffix,
                signatures[package.Entry.Name + ArchPackageFile.SignatureSuffix].BlobPath);
            staged.Add(new StagedPackage(package.Entry.Name, path));
        }
        return staged;
    }

    private static async Task VerifyAsync(PacmanCommandLine commandLine, IReadOnlyList<StagedPackage> files,
        CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var file in files)
        {
            var result = await ProcessRunner.RunAsync("pacman-key",
                commandLine.VerifyArguments(file.Package + ArchPackageFile.SignatureSuffix, file.Package),
                cancellationToken, throwOnFailure: false).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                failures.Add($"{file.Name}: {Reason(result)}");
            }
        }
        if (failures.Count > 0)
        {
            throw new ReproGetException(
                $"the signatures of {failures.Count} of {files.Count} packages do not verify with the keyring "
                + $"\"{commandLine.KeyringPath}\"; nothing was installed:\n  " + string.Join("\n  ", failures),
                "the packager's key must be in that keyring and trusted (`pacman-key --populate`, or `pacman-key --lsign-key KEYID` for your own)");
        }
    }

    private static string Reason(ProcessResult result)
    {
        // gpg says why ("No public key", "BAD signature"); pacman-key's own line only names the temp file.
        var lines = (result.StandardError + "\n" + result.StandardOutput)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("gpg:", StringComparison.Ordinal)
                && !l.Contains("using ", StringComparison.Ordinal) && !l.Contains("Signature made", StringComparison.Ordinal))
            .ToList();
        return lines.Count == 0 ? $"pacman-key exited with {result.ExitCode}" : string.Join(" | ", lines.TakeLast(3));
    }

    private sealed record StagedPackage(string Name, string Package);
}
