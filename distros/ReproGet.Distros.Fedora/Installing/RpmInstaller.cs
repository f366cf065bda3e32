using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Processes;
using ReproGet.Distros.Fedora.Rpm;

namespace ReproGet.Distros.Fedora.Installing;

/// <summary>
/// Installs cached rpm files: every file about to be installed must carry a valid signature from a key in the
/// root's rpm database (one failure refuses them all), then one <c>rpm -Uvh</c> transaction installs them, with
/// <c>--root</c> passed through.
/// </summary>
public sealed class RpmInstaller : IPackageInstaller
{
    public async Task<IReadOnlyList<LockEntry>> SelectNotInstalledAsync(DistroContext context, IReadOnlyList<LockEntry> packages,
        CancellationToken cancellationToken)
    {
        var installed = (await RpmDatabase.ReadAsync(context, cancellationToken).ConfigureAwait(false))
            .Select(p => $"{p.Name}-{p.Version}-{p.Release}.{p.Architecture}")
            .ToHashSet(StringComparer.Ordinal);
        return [.. packages.Where(entry => entry.Package is not { } file
            || !installed.Contains($"{file.Package}-{file.Version}-{file.Release}.{file.Architecture}"))];
    }

    public async Task InstallAsync(DistroContext context, IReadOnlyList<CachedFile> packages, IReadOnlyList<CachedFile> auxiliary,
        CancellationToken cancellationToken)
    {
        if (packages.Count == 0)
        {
            return;
        }
        var staging = Directory.CreateTempSubdirectory("repro-get-rpm-");
        try
        {
            // rpm prints and checks the names it is given, so each blob is linked under its package file name.
            var files = new List<(string Name, string Path)>();
            foreach (var package in packages)
            {
                var path = Path.Combine(staging.FullName, package.Entry.Basename);
                File.CreateSymbolicLink(path, package.BlobPath);
                files.Add((package.Entry.Name, path));
            }
            await RpmSignatureCheck.VerifyAllAsync(context, files, cancellationToken).ConfigureAwait(false);
            context.Log.Info($"running rpm -Uvh with {files.Count} packages (signatures verified)");
            string[] arguments = ["--root", context.Root, "-Uvh", .. files.Select(f => f.Path)];
            var exitCode = await ProcessRunner.RunInteractiveAsync("rpm", arguments, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new ReproGetException($"`rpm -Uvh` failed with exit code {exitCode} installing {files.Count} packages",
                    "see rpm's messages above; the lockfile must hold every dependency of the packages it installs");
            }
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }
}
