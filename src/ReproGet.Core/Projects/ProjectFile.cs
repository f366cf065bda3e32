namespace ReproGet.Core.Projects;

/// <summary>
/// A parsed <c>repro-get.toml</c>: the intent a lock is resolved from (distro, sources, snapshot, architectures,
/// packages, base), plus the rebuilder quorum settings other commands read. Relative paths are already made
/// absolute against the file's directory.
/// </summary>
public sealed record ProjectFile
{
    public const string DefaultName = "repro-get.toml";

    /// <summary>The file this was read from (absolute).</summary>
    public required string Path { get; init; }

    /// <summary>Where <c>lock</c> writes <c>SHA256SUMS-&lt;arch&gt;</c>: the file's directory.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    public required string Distro { get; init; }

    /// <summary>apt one-line source strings (<c>deb [signed-by=…] URI SUITE COMPONENT…</c>), or repository URLs for other distros.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>The archive as of this time (sources are rewritten to the distro's snapshot archive); null = the archive as it is now.</summary>
    public DateTimeOffset? Snapshot { get; init; }

    public required IReadOnlyList<string> Architectures { get; init; }

    /// <summary>The <c>releasever</c> key: the release dnf resolves for (<c>$releasever</c> in Fedora sources); null = not set.</summary>
    public string? ReleaseVersion { get; init; }

    /// <summary><c>NAME</c> or <c>NAME=VERSION</c>.</summary>
    public required IReadOnlyList<string> Packages { get; init; }

    public bool Recommends { get; init; }

    public ProjectBase Base { get; init; } = ProjectBase.None;

    /// <summary>Provider templates for the commands that fetch what the lock pins (<c>lock</c> itself downloads nothing).</summary>
    public IReadOnlyList<string> Providers { get; init; } = [];

    /// <summary>A keyring file for sources that name no <c>signed-by</c>; null = the base root's or the host's keyrings.</summary>
    public string? Keyring { get; init; }

    /// <summary>The <c>[[rebuilder]]</c> tables: independent rebuilders whose attestations count towards the quorum.</summary>
    public IReadOnlyList<RebuilderEntry> Rebuilders { get; init; } = [];

    /// <summary>How many rebuilders must attest the same SHA-256; null = not set in the file.</summary>
    public int? Threshold { get; init; }

    /// <summary>Packages allowed without a quorum (names as in <see cref="Packages"/>).</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];
}
