using ReproGet.Core.Distros;
using ReproGet.Core.Errors;

namespace ReproGet.Distros.Alpine.Resolving;

/// <summary>
/// <c>lock</c> for Alpine needs apk's solver, and apk is not packaged for Debian (where repro-get is built and
/// tested): say so plainly instead of guessing a closure with a hand-written solver.
/// </summary>
internal sealed class ApkResolver : IPackageResolver
{
    public const string Message = "apk is not packaged for Debian; resolving Alpine is not supported here";

    public Task<Resolution> ResolveAsync(ResolveRequest request, IStatusLog log, CancellationToken cancellationToken) =>
        throw new ReproGetException(Message,
            "lock inside an Alpine container instead: `apk add PACKAGE… && repro-get hash generate > SHA256SUMS-" + request.Architecture + "`");
}
