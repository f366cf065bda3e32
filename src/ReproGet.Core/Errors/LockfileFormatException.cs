namespace ReproGet.Core.Errors;

/// <summary>
/// One or more bad lines in a lockfile; each diagnostic reads <c>path:line: message</c>. A file of garbage would
/// yield one per line, so only the first <see cref="MaxReported"/> are kept, followed by a count of the rest.
/// </summary>
public sealed class LockfileFormatException : ReproGetException
{
    public const int MaxReported = 20;

    public LockfileFormatException(IReadOnlyList<string> diagnostics)
        : this(Bound(diagnostics))
    {
    }

    private LockfileFormatException(List<string> bounded)
        : base(string.Join(Environment.NewLine, bounded), "a lockfile has lines \"<sha256>  <relative/path>\"; fix or remove the lines named")
    {
        Diagnostics = bounded;
    }

    public IReadOnlyList<string> Diagnostics { get; }

    private static List<string> Bound(IReadOnlyList<string> diagnostics) =>
        diagnostics.Count <= MaxReported
            ? [.. diagnostics]
            : [.. diagnostics.Take(MaxReported), $"… and {diagnostics.Count - MaxReported} more bad lines"];
}
