namespace ReproGet.Distros.Debian.Apt;

/// <summary>One entry of apt's sources: a one-line <c>deb [opts] URI suite comp…</c> or a deb822 <c>*.sources</c> paragraph.</summary>
public sealed record AptSource(IReadOnlyList<string> Types, IReadOnlyList<string> Uris, IReadOnlyList<string> Suites,
    IReadOnlyList<string> Components, string File)
{
    public bool IsBinary => Types.Contains("deb");
}
