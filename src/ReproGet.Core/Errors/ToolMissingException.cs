namespace ReproGet.Core.Errors;

/// <summary>A program or native library the operation needs is not installed.</summary>
public sealed class ToolMissingException(string tool, string hint)
    : ReproGetException($"{tool} is not available", hint);
