namespace ReproGet.Distros.Debian;

/// <summary>Ubuntu: no snapshot archive, but Launchpad serves every published file by base name, and old-releases keeps end-of-life releases.</summary>
public sealed class UbuntuDistro : DpkgDistro
{
    public override string Name => "ubuntu";

    protected override IReadOnlyList<string> FallbackMirrors { get; } =
    [
        "http://archive.ubuntu.com/ubuntu/{{.Name}}",
        "http://ports.ubuntu.com/ubuntu-ports/{{.Name}}",
    ];

    protected override IReadOnlyList<string> ArchiveProviders { get; } =
    [
        "http://launchpad.net/ubuntu/+archive/primary/+files/{{.Basename}}",
        "http://old-releases.ubuntu.com/ubuntu/{{.Name}}",
    ];
}
