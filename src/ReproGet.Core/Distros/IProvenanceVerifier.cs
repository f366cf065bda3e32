using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Verify;

namespace ReproGet.Core.Distros;

/// <summary>
/// What a provenance check gets: every entry of the lock(s), where each cached blob is, and the keys to trust
/// (empty: the root's own, as the distro's tools would use them).
/// </summary>
public sealed record ProvenanceRequest(IReadOnlyList<LockEntry> Entries, Func<Sha256Digest, string> BlobPath, IReadOnlyList<string> Keyrings);

/// <summary>
/// A plugin's <see cref="IDistro.Provenance"/>: checks offline that the distro signed every package file of a lock
/// (Debian: InRelease → Packages → .deb; Arch: .sig; Fedora: rpm header signatures; Alpine: .SIGN.RSA*), and returns
/// one <see cref="VerificationRow"/> per package entry.
/// </summary>
public interface IProvenanceVerifier
{
    /// <summary>The entries whose bytes the check reads (packages and, for Debian, the chain files): fetched first.</summary>
    IReadOnlyList<LockEntry> Needed(IDistro distro, IReadOnlyList<LockEntry> entries) =>
        [.. entries.Where(e => distro.Classify(e) != EntryRole.NotNeeded)];

    /// <summary>Binary keyring files a bundle's install.sh should trust (the given ones, else the root's); none by default.</summary>
    IReadOnlyList<string> BundleKeyrings(DistroContext context, IReadOnlyList<string> given) => [];

    /// <summary>
    /// True when the plugin's installer itself refuses, before anything is installed, every package whose signature
    /// does not verify with the root's keys (pacman-key, rpmkeys): install's provenance gate then leaves the check to
    /// the installer, which reads only the packages it installs.
    /// </summary>
    bool CheckedByInstaller => false;

    Task<IReadOnlyList<VerificationRow>> VerifyAsync(DistroContext context, ProvenanceRequest request, CancellationToken cancellationToken);
}
