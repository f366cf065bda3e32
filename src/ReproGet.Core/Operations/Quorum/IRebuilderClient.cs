using ReproGet.Core.Packages;

namespace ReproGet.Core.Operations.Quorum;

/// <summary>Asks one rebuilderd instance for its attestations of a package (implemented by the sources assembly: Core has no network code).</summary>
public interface IRebuilderClient
{
    Task<RebuilderAnswer> FindAttestationsAsync(string baseUrl, PackageFileName package, CancellationToken cancellationToken);

    /// <summary>The instance's published keys (<c>/api/v1/meta/public-keys</c>), to show for pinning; never trusted by the check.</summary>
    Task<IReadOnlyList<string>> PublicKeysAsync(string baseUrl, CancellationToken cancellationToken);
}

/// <summary>What an instance answered: the attestations it has for the package, or why it could not be asked.</summary>
public sealed record RebuilderAnswer(IReadOnlyList<FetchedAttestation> Attestations, string? Unreachable = null);

/// <summary>The bytes of one attestation (an in-toto link) and where they came from.</summary>
public sealed record FetchedAttestation(string Url, byte[] Bytes);
