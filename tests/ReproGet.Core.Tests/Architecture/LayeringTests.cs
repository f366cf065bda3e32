namespace ReproGet.Core.Tests.Architecture;

/// <summary>The code keeps to the layer picture of DESIGN.md; a failure names each offending arrow and where it is.</summary>
public sealed class LayeringTests
{
    [Fact]
    public void ProjectReferencesPointOnlyDownTheLayers()
    {
        var offences = ProductionProject.All()
            .SelectMany(p => p.References.Select(r => (Project: p, To: r, Why: LayerRules.Forbidden(p.Name, r))))
            .Where(a => a.Why is not null)
            .Select(a => $"{a.Project.Name} -> {a.To}: {a.Why} (ProjectReference in {a.Project.CsprojPath})")
            .ToList();

        Assert.True(offences.Count == 0, "forbidden project references:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void CodeNamesOnlyNamespacesOfAssembliesItMayUse()
    {
        var offences = ProductionProject.All()
            .SelectMany(p => p.NamespaceUses.Select(u => (Project: p, To: u.Key, File: u.Value, Why: LayerRules.Forbidden(p.Name, u.Key))))
            .Where(a => a.Why is not null)
            .Select(a => $"{a.Project.Name} -> {a.To}: {a.Why} (first named in {a.File})")
            .ToList();

        Assert.True(offences.Count == 0, "forbidden namespace uses:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void TheProjectsAreFoundWithTheirReferences()
    {
        var projects = ProductionProject.All().ToDictionary(p => p.Name);

        Assert.Contains("ReproGet.Core", projects.Keys);
        Assert.Contains("ReproGet.Distros.Debian", projects.Keys);
        Assert.Empty(projects["ReproGet.Core"].References);
        Assert.Contains("ReproGet.Core", projects["ReproGet.Distros.Debian"].References);
        Assert.Contains("ReproGet.Distros.Debian", projects["ReproGet.Cli"].References);
        Assert.Contains("ReproGet.Formats", projects["ReproGet.Distros.Debian"].NamespaceUses.Keys);
    }

    [Theory]
    [InlineData("ReproGet.Distros.Arch", "ReproGet.Distros.Debian")]
    [InlineData("ReproGet.Formats", "ReproGet.Sources")]
    [InlineData("ReproGet.Sources", "ReproGet.Formats")]
    [InlineData("ReproGet.Sources", "ReproGet.Distros.Alpine")]
    [InlineData("ReproGet.Core", "ReproGet.Formats")]
    [InlineData("ReproGet.Distros.Fedora", "ReproGet.Cli")]
    public void SidewaysAndUpwardArrowsAreForbidden(string from, string to) =>
        Assert.NotNull(LayerRules.Forbidden(from, to));

    [Theory]
    [InlineData("ReproGet.Cli", "ReproGet.Distros.Arch")]
    [InlineData("ReproGet.Distros.Arch", "ReproGet.Formats")]
    [InlineData("ReproGet.Distros.Alpine", "ReproGet.Sources")]
    [InlineData("ReproGet.Sources", "ReproGet.Core")]
    [InlineData("ReproGet.Formats", "ReproGet.Core")]
    public void DownwardArrowsAreAllowed(string from, string to) =>
        Assert.Null(LayerRules.Forbidden(from, to));
}
