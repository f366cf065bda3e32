namespace ReproGet.Distros.Debian;

/// <summary>Debian: snapshot.debian.org keeps every file ever published, by the lock's epoch; archive.debian.org keeps end-of-life releases.</summary>
public sealed class DebianDistro : DpkgDistro
{
    public override string Name => "debian";

    protected override bool UsesDebianSnapshot => true;

    protected override IReadOnlyList<string> FallbackMirrors { get; } =
    [
        "http://deb.debian.org/debian/{{.Name}}",
        "http://deb.debian.org/debian-security/{{.Name}}",
    ];

    protected override IReadOnlyList<string> ArchiveProviders { get; } =
    [
        "http://snapshot.debian.org/archive/debian/{{timeToDebianSnapshot .Epoch}}/{{.Name}}",
        "http://snapshot.debian.org/archive/debian-security/{{timeToDebianSnapshot .Epoch}}/{{.Name}}",
        "http://archive.debian.org/debian/{{.Name}}",
        "http://archive.debian.org/debian-security/{{.Name}}",
        // The chain of versions found in the snapshot archive is named by its own path (archive/NAME/TIME/dists/…).
        "http://snapshot.debian.org/{{.Name}}",
    ];
}
