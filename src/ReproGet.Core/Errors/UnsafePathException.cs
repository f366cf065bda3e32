namespace ReproGet.Core.Errors;

/// <summary>A name that would escape its directory (absolute, <c>..</c>, not clean) or is otherwise unsafe.</summary>
public sealed class UnsafePathException(string message) : ReproGetException(message);
