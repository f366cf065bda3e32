namespace ReproGet.Sources.Oci;

/// <summary>What pushing one blob took.</summary>
public enum BlobPushOutcome
{
    /// <summary>The registry had it already (HEAD 200): nothing sent.</summary>
    Present,

    /// <summary>Linked from another repository of the same registry (cross-repository mount): nothing sent.</summary>
    Mounted,

    /// <summary>The bytes were sent.</summary>
    Uploaded,
}
