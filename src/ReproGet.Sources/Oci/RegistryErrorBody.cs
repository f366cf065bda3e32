namespace ReproGet.Sources.Oci;

/// <summary>A registry's error body: one line for people, and the codes (<c>BLOB_UNKNOWN</c>, <c>DENIED</c>, …) for code.</summary>
public sealed record RegistryErrorBody(string? Detail, IReadOnlyList<string> Codes);
