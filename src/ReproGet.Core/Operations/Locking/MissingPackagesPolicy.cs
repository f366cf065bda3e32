using ReproGet.Core.Distros;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Operations.Locking;

/// <summary>
/// <c>--allow-missing</c>, for every plugin: the packages a locker could not lock fail the lock, naming them; allowed,
/// they are left out with ONE summary warning (<see cref="MissingPackagesSummary"/>). Nothing locked at all is a
/// failure either way: an empty lock is never a success.
/// </summary>
public static class MissingPackagesPolicy
{
    /// <summary>Locks <paramref name="request"/>'s packages with <paramref name="locker"/> and applies the policy.</summary>
    public static async Task<IReadOnlyList<LockedFile>> LockAsync(this IPackageLocker locker, DistroContext context,
        LockRequest request, CancellationToken cancellationToken)
    {
        var result = await locker.LockAsync(context, request.Packages, cancellationToken).ConfigureAwait(false);
        return Apply(result, request, context.Log);
    }

    public static IReadOnlyList<LockedFile> Apply(LockResult result, LockRequest request, IStatusLog log)
    {
        if (result.Missing is not { Packages.Count: > 0 } missing)
        {
            return result.Files;
        }
        if (request.AllowMissing && result.Files.Count > 0)
        {
            MissingPackagesSummary.Tell(log, missing, request.ReportPath);
            return result.Files;
        }
        if (request.ReportPath is { } reportPath)
        {
            MissingPackagesSummary.WriteReport(reportPath, missing);
        }
        throw request.AllowMissing
            ? new ReproGetException("nothing could be locked: " + missing.Message, missing.Hint)
            : new ReproGetException(missing.Message, missing.Hint + ", or pass --allow-missing to leave them out with a warning");
    }
}
