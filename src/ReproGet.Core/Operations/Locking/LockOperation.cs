using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Locking;

/// <summary>
/// <c>hash generate</c>: the plugin's locker reads the package manager's databases and indexes; the missing-package
/// policy and <c>--dedupe</c> are applied here; the lines come back sorted by name, ready for <see cref="Sha256SumsWriter"/>.
/// </summary>
public static class LockOperation
{
    public static async Task<IReadOnlyList<LockedFile>> LockAsync(OperationContext context, LockRequest request,
        CancellationToken cancellationToken)
    {
        var distro = context.Distro;
        var locker = distro.Locker ?? throw new NotSupportedByDistroException(distro.Name, "hash generate");
        IReadOnlyList<LockedFile> locked = await locker.LockAsync(context.DistroContext with { SnapshotArchive = request.SnapshotArchive }, request, cancellationToken).ConfigureAwait(false);
        if (request.DedupeAgainst is { } dedupePath)
        {
            locked = LockDedupe.Apply(locked, dedupePath);
        }
        return [.. locked.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }
}
