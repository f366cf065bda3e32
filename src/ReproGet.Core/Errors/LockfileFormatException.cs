namespace ReproGet.Core.Errors;

/// <summary>One or more bad lines in a lockfile; each diagnostic reads <c>path:line: message</c>.</summary>
public sealed class LockfileFormatException : ReproGetException
{
    public LockfileFormatException(IReadOnlyList<string> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<string> Diagnostics { get; }
}
