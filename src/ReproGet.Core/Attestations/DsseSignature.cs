namespace ReproGet.Core.Attestations;

/// <summary>One DSSE signature: the signer's key id (a hint) and the raw signature bytes.</summary>
public sealed record DsseSignature(string KeyId, byte[] Signature);
