using ReproGet.Core.Errors;

namespace ReproGet.Distros.Alpine.Signing;

/// <summary>An Alpine package or index that is unsigned, signed by an unknown key, badly signed, or not the file the index names.</summary>
public sealed class ApkVerificationException(string message, string hint) : ReproGetException(message, hint);
