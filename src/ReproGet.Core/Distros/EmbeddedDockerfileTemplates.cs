using System.Reflection;

namespace ReproGet.Core.Distros;

/// <summary>
/// Dockerfile templates embedded in a plugin's assembly: one readable Dockerfile per <see cref="DockerfileKind"/>,
/// the resource <c>&lt;prefix&gt;.&lt;kind&gt;</c>, filled only with inputs the plugin's <paramref name="rules"/> accept.
/// </summary>
public sealed class EmbeddedDockerfileTemplates(Assembly assembly, string resourcePrefix, DockerfileInputRules rules) : IDockerfileRenderer
{
    public void Check(DockerfileParameters parameters) => rules.Check(parameters);

    public string? RenderDockerfile(DockerfileKind kind, DockerfileParameters parameters)
    {
        rules.Check(parameters);
        return DockerfileTemplate.Render(assembly, $"{resourcePrefix}.{kind}", parameters);
    }
}
