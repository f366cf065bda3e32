using ReproGet.Core.Hashing;

namespace ReproGet.Core.Distros;

/// <summary>One generated lock line: the file's SHA-256 and its name in the lockfile.</summary>
public sealed record LockedFile(Sha256Digest Sha256, string Name);

/// <summary>A package a locker could not lock, as the user should read it, and why.</summary>
public sealed record MissingPackage(string Package, string Reason);

/// <summary>
/// What a locker could not lock: the packages, one message naming them all, and what the user can do about it
/// (the operation adds the <c>--allow-missing</c> way out, once for every plugin).
/// </summary>
public sealed record MissingPackages(IReadOnlyList<MissingPackage> Packages, string Message, string Hint);

/// <summary>What a locker found: the lock lines it could write, and the packages it could not lock (null: none).</summary>
public sealed record LockResult(IReadOnlyList<LockedFile> Files, MissingPackages? Missing = null);

/// <summary>
/// A plugin's <see cref="IDistro.Locker"/>: writes lock lines from the package manager's own databases and indexes.
/// It reports what it cannot lock and never decides whether that is fatal: that is the lock operation's policy.
/// </summary>
public interface IPackageLocker
{
    /// <summary>Locks <paramref name="packages"/> (<c>name</c> or <c>name:arch</c>); empty means every installed package.</summary>
    Task<LockResult> LockAsync(DistroContext context, IReadOnlyList<string> packages, CancellationToken cancellationToken);
}
