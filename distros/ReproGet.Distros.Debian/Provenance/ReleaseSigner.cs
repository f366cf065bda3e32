namespace ReproGet.Distros.Debian.Provenance;

/// <summary>The key whose signature over a Release was accepted: primary fingerprint, user id, and when it signed.</summary>
public sealed record ReleaseSigner(string Fingerprint, string Uid, DateTimeOffset SignedAt);
