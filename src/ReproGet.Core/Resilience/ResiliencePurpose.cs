namespace ReproGet.Core.Resilience;

/// <summary>What a resilience pipeline protects; each purpose has one pipeline per run.</summary>
public enum ResiliencePurpose
{
    /// <summary>Downloading one blob from one source (http, file, oci, ipfs).</summary>
    Transfer,

    /// <summary>Uploading one blob or manifest to a registry.</summary>
    Push,

    /// <summary>Getting a registry token from its token service.</summary>
    Token,
}
