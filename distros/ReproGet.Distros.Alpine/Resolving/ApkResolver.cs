using ReproGet.Core.Distros;
using ReproGet.Core.Errors;

namespace ReproGet.Distros.Alpine.Resolving;

/// <summary>
/// <c>lock</c> for Alpine needs apk's solver, and apk is not packaged for Debian (where repro-get is built and
/// tested): say so plainly instead of guessing a closure with a hand-written solver.
/// </summary>
internal sealed class ApkResolver : IPackageResolver
{
    public Task<Resolution> ResolveAsync(ResolveRequest request, IStatusLog log, CancellationToken cancellationToken) =>
        throw new ToolMissingException("apk (Alpine's solver, needed to resolve an Alpine project file)",
            "apk is not packaged for Debian; lock inside an Alpine container instead: `apk add PACKAGE… && repro-get hash generate`");
}
