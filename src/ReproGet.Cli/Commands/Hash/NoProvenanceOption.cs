using System.CommandLine;

namespace ReproGet.Cli.Commands.Hash;

/// <summary><c>--no-provenance</c> for <c>hash generate</c> and <c>hash update</c>: lock without the distro's signature chain.</summary>
internal static class NoProvenanceOption
{
    public static Option<bool> Create() => new("--no-provenance")
    {
        Description = "Do not lock the distro's signature chain (Debian: the dists/…/InRelease and Packages lines)",
    };
}
