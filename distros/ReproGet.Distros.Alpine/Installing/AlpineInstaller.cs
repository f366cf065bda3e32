using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Processes;
using ReproGet.Distros.Alpine.Configuration;
using ReproGet.Distros.Alpine.Database;
using ReproGet.Distros.Alpine.Signing;
using ReproGet.Formats.Apk;

namespace ReproGet.Distros.Alpine.Installing;

/// <summary>
/// Installs cached package files: each one's signature and data hash is checked against the root's keys first, then
/// one <c>apk add --no-network</c> runs on symlinks named by the files' base names (apk wants <c>.apk</c> names;
/// the cache names blobs by digest).
/// </summary>
public sealed class AlpineInstaller : IPackageInstaller
{
    public async Task<IReadOnlyList<LockEntry>> SelectNotInstalledAsync(DistroContext context, IReadOnlyList<LockEntry> packages,
        CancellationToken cancellationToken)
    {
        var root = new AlpineRoot(context);
        if (!File.Exists(root.InstalledDatabasePath))
        {
            return packages;
        }
        var installed = await ApkInstalledDatabase.ReadAsync(root.InstalledDatabasePath, cancellationToken).ConfigureAwait(false);
        return [.. packages.Where(p => p.Package is not { } package || installed.Find(package.Package)?.Version != package.FullVersion)];
    }

    /// <summary>An .apk carries its signature inside, so there are no auxiliary files.</summary>
    public async Task InstallAsync(DistroContext context, IReadOnlyList<CachedFile> packages, IReadOnlyList<CachedFile> auxiliary,
        CancellationToken cancellationToken)
    {
        var root = new AlpineRoot(context);
        using (var keyring = ApkKeyring.Load(root.KeysDirectory))
        {
            foreach (var package in packages)
            {
                await VerifyAsync(keyring, package, cancellationToken).ConfigureAwait(false);
            }
        }
        var work = Directory.CreateTempSubdirectory("repro-get-apk-");
        try
        {
            var links = new List<string>();
            foreach (var package in packages)
            {
                var link = Path.Combine(work.FullName, package.Entry.Basename);
                File.CreateSymbolicLink(link, package.BlobPath);
                links.Add(link);
            }
            var command = ApkAddCommand.For(context.Root, root.KeysDirectoryOverride, links);
            context.Log.Info($"running `{ApkAddCommand.Tool} add --no-network` with {links.Count} packages");
            await RunAsync(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task VerifyAsync(ApkKeyring keyring, CachedFile package, CancellationToken cancellationToken)
    {
        var what = $"{package.Entry.Name} (sha256 {package.Entry.Sha256.Hex})";
        ApkPackageFile file;
        await using (var blob = new FileStream(package.BlobPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false))
        {
            file = await ApkPackageReader.ReadAsync(blob, what, cancellationToken).ConfigureAwait(false);
        }
        keyring.VerifyPackage(file, what);
        if (package.Entry.Package is { } name && (file.PkgInfo.Name != name.Package || file.PkgInfo.Version != name.FullVersion))
        {
            throw new ApkVerificationException(
                $"{what} is {file.PkgInfo.Name}-{file.PkgInfo.Version}, not the {name.Package}-{name.FullVersion} its lockfile name says",
                "the lockfile pairs this hash with the wrong name; generate it again with `repro-get hash generate`");
        }
    }

    private static async Task RunAsync(ApkAddCommand command, CancellationToken cancellationToken)
    {
        int exitCode;
        try
        {
            exitCode = await ProcessRunner.RunInteractiveAsync(command.FileName, command.Arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (ToolMissingException e)
        {
            throw new ReproGetException($"cannot run `{command}`: {e.Message}",
                "Alpine packages are installed by Alpine's own apk, which exists only on Alpine: run `repro-get install` in the "
                + "Alpine image, or write a bundle (`repro-get bundle`) and run its install.sh there", e);
        }
        if (exitCode != 0)
        {
            throw new ReproGetException($"`{command}` failed with exit code {exitCode}", "apk's messages above say why; nothing was installed");
        }
    }
}
