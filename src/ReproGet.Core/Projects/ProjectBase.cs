namespace ReproGet.Core.Projects;

/// <summary>What the locked packages are installed on top of: nothing, an existing lock, a dpkg status file, or a root.</summary>
public enum ProjectBaseKind
{
    None,
    Lock,
    Status,
    Root,
}

/// <summary>
/// The <c>base</c> key. A lock's path may contain <c>{arch}</c> (<c>SHA256SUMS-base-{arch}</c>), so each
/// architecture is deduplicated against its own base lock.
/// </summary>
public sealed record ProjectBase(ProjectBaseKind Kind, string? Path)
{
    public static ProjectBase None { get; } = new(ProjectBaseKind.None, null);

    public string? PathFor(string architecture) => Path?.Replace("{arch}", architecture, StringComparison.Ordinal);
}
