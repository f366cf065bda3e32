using System.Reflection;

namespace ReproGet.Core.Distros;

/// <summary>
/// Dockerfile templates embedded in a plugin's assembly: one readable Dockerfile per <see cref="DockerfileKind"/>,
/// the resource <c>&lt;prefix&gt;.&lt;kind&gt;</c>.
/// </summary>
public sealed class EmbeddedDockerfileTemplates(Assembly assembly, string resourcePrefix) : IDockerfileRenderer
{
    public string? RenderDockerfile(DockerfileKind kind, DockerfileParameters parameters) =>
        DockerfileTemplate.Render(assembly, $"{resourcePrefix}.{kind}", parameters);
}
