using ReproGet.Core.Distros;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Operations.Locking;

/// <summary>
/// <c>--allow-missing</c>, for every plugin: the packages a locker could not lock fail the lock, naming them all;
/// allowed, each is left out with one warning.
/// </summary>
public static class MissingPackagesPolicy
{
    /// <summary>Locks <paramref name="request"/>'s packages with <paramref name="locker"/> and applies the policy.</summary>
    public static async Task<IReadOnlyList<LockedFile>> LockAsync(this IPackageLocker locker, DistroContext context,
        LockRequest request, CancellationToken cancellationToken)
    {
        var result = await locker.LockAsync(context with { LockProvenance = request.Provenance }, request.Packages, cancellationToken).ConfigureAwait(false);
        return Apply(result, request.AllowMissing, context.Log);
    }

    public static IReadOnlyList<LockedFile> Apply(LockResult result, bool allowMissing, IStatusLog log)
    {
        if (result.Missing is not { Packages.Count: > 0 } missing)
        {
            return result.Files;
        }
        if (!allowMissing)
        {
            throw new ReproGetException(missing.Message, missing.Hint + ", or pass --allow-missing to leave them out with a warning");
        }
        foreach (var package in missing.Packages)
        {
            log.Warn($"{package.Package}: left out of the lock ({package.Reason})");
        }
        return result.Files;
    }
}
