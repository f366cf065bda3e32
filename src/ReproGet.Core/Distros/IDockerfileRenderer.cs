namespace ReproGet.Core.Distros;

/// <summary>
/// A plugin's <see cref="IDistro.Dockerfiles"/>: its Dockerfile templates for <c>repro-get dockerfile generate</c>.
/// </summary>
public interface IDockerfileRenderer
{
    /// <summary>Throws when an input (architecture, package, base image) is not in the plugin's grammar; called before anything is written.</summary>
    void Check(DockerfileParameters parameters);

    /// <summary>The rendered Dockerfile of <paramref name="kind"/>, or null when the plugin has no template of that kind.</summary>
    string? RenderDockerfile(DockerfileKind kind, DockerfileParameters parameters);
}
