namespace ReproGet.Formats.Apk;

/// <summary>One gzip member of a concatenation: its exact compressed bytes (header to trailer) and what they inflate to.</summary>
public sealed record GzipMember(byte[] Raw, byte[] Content);
