using System.Text.RegularExpressions;
using ReproGet.Core.Distros;

namespace ReproGet.Distros.Arch.Templates;

/// <summary>What Arch's Dockerfile templates accept: Arch (and Arch Linux ARM) architectures and the OCI names, pacman targets.</summary>
internal static partial class ArchDockerfileInputs
{
    public static DockerfileInputRules Rules { get; } = new(
        new HashSet<string>(["x86_64", "aarch64", "armv7h", "riscv64", "amd64", "arm64", "arm-v7"], StringComparer.Ordinal),
        PackageArgument(),
        "an Arch package name ([a-z0-9@_+][a-z0-9@._+-]*, not starting with '-' or '.') with an optional repo/ in front");

    [GeneratedRegex(@"^(?:[a-z0-9][a-z0-9._-]*/)?[a-z0-9@_+][a-z0-9@._+-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageArgument();
}
