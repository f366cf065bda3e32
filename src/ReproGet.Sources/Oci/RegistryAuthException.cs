using ReproGet.Core.Errors;

namespace ReproGet.Sources.Oci;

/// <summary>A registry or its token service refused us: no credentials, wrong ones, or not enough access.</summary>
public sealed class RegistryAuthException(string message, string hint) : ReproGetException(message, hint);
