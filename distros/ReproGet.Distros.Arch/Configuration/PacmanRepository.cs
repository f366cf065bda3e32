namespace ReproGet.Distros.Arch.Configuration;

/// <summary>A <c>[repo]</c> section of pacman.conf: its name and its server URLs, <c>$repo</c>/<c>$arch</c> expanded.</summary>
public sealed record PacmanRepository(string Name, IReadOnlyList<string> Servers);
