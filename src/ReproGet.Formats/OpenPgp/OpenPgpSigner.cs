namespace ReproGet.Formats.OpenPgp;

/// <summary>The key whose signature was accepted: primary fingerprint, user id, and when it signed.</summary>
public sealed record OpenPgpSigner(string Fingerprint, string Uid, DateTimeOffset SignedAt);
