using System.CommandLine;
using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Cli.Commands;

public static class InstallCommand
{
    public static Command Create()
    {
        var lockfiles = LockfileArguments.Create();
        var command = new Command("install", """
            Install exactly the package files of the lockfiles with the distro's own tool. Packages already installed
            at the locked version are skipped; the rest are fetched in parallel, verified, and installed in one
            transaction. Nothing is installed unless every file was fetched and verified.

            Example:
              repro-get install SHA256SUMS-amd64
              repro-get --root /srv/chroot --provider 'file:///mnt/cache/{{.Basename}}' install SHA256SUMS-amd64
            """);
        command.Arguments.Add(lockfiles);
        FetchOptionsBinder.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var entries = LockfileArguments.Read(context, lockfiles);
            var distro = context.Distro;
            var installer = distro.Installer ?? throw new NotSupportedByDistroException(distro.Name, "install");
            var packages = entries.Where(e => distro.Classify(e) == EntryRole.Package).ToList();
            var toInstall = await installer.SelectNotInstalledAsync(context.DistroContext, packages, cancellationToken)
                .ConfigureAwait(false);
            foreach (var skipped in packages.Except(toInstall))
            {
                context.Log.Debug($"{skipped.Basename}: already installed");
            }
            if (toInstall.Count == 0)
            {
                context.Log.Info($"nothing to install: all {packages.Count} packages are installed at the locked versions");
                return ExitCodes.Success;
            }
            var auxiliary = AuxiliaryFor(distro, entries, toInstall);
            using var cache = context.OpenCache();
            await FetchRunner.FetchAsync(context, cache, [.. toInstall, .. auxiliary], cancellationToken).ConfigureAwait(false);
            // The package tool reads private copies, verified as they were made: never the (shared, writable) cache itself.
            using var checkout = await BlobCheckout.CheckOutAsync(cache, [.. toInstall, .. auxiliary],
                (corrupt, token) => FetchRunner.FetchAsync(context, cache, corrupt, token), context.Log.Warn, cancellationToken).ConfigureAwait(false);
            context.Log.Info($"installing {toInstall.Count} packages ({packages.Count - toInstall.Count} already installed)");
            await installer.InstallAsync(context.DistroContext,
                [.. toInstall.Select(e => new CachedFile(e, checkout.PathOf(e.Sha256)))],
                [.. auxiliary.Select(e => new CachedFile(e, checkout.PathOf(e.Sha256)))],
                cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    // Only the auxiliary files (signatures) of packages that will be installed: the Go tool verified the
    // signatures of skipped packages too, and failed on them.
    private static List<LockEntry> AuxiliaryFor(IDistro distro, IEnumerable<LockEntry> entries, IReadOnlyList<LockEntry> toInstall)
    {
        var names = toInstall.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        return [.. entries.Where(e => distro.Classify(e) == EntryRole.Auxiliary
            && names.Any(n => e.Name.StartsWith(n + ".", StringComparison.Ordinal)))];
    }
}
