namespace ReproGet.Distros.Fedora.Configuration;

/// <summary>An enabled repository of <c>/etc/yum.repos.d</c>: its id and its baseurls with dnf's variables filled in.</summary>
public sealed record YumRepository(string Id, IReadOnlyList<string> BaseUrls);
