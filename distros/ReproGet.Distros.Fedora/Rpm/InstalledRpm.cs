namespace ReproGet.Distros.Fedora.Rpm;

/// <summary>One package of the rpm database: its name, epoch (0 when unset), version, release, architecture and source rpm.</summary>
public sealed record InstalledRpm(string Name, int Epoch, string Version, string Release, string Architecture, string SourceRpm)
{
    /// <summary>The file name the package was built as: <c>hello-1.0-1.noarch.rpm</c>.</summary>
    public string FileName => $"{Name}-{Version}-{Release}.{Architecture}.rpm";

    public override string ToString() => Epoch == 0
        ? $"{Name}-{Version}-{Release}.{Architecture}"
        : $"{Name}-{Epoch}:{Version}-{Release}.{Architecture}";
}
