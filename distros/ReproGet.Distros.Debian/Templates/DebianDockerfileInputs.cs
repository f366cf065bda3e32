using System.Text.RegularExpressions;
using ReproGet.Core.Distros;

namespace ReproGet.Distros.Debian.Templates;

/// <summary>What Debian's Dockerfile templates accept: Debian's (and the OCI platform) architecture names, apt package arguments.</summary>
internal static partial class DebianDockerfileInputs
{
    public static DockerfileInputRules Rules { get; } = new(
        new HashSet<string>(
        [
            "amd64", "arm64", "armel", "armhf", "i386", "loong64", "mips64el", "mipsel", "ppc64el", "riscv64", "s390x",
            "386", "arm-v5", "arm-v7", "ppc64le", "mips64le",
        ], StringComparer.Ordinal),
        PackageArgument(),
        "a Debian package name ([a-z0-9][a-z0-9+.-]+) with an optional :arch, then =version or /suite");

    [GeneratedRegex(@"^[a-z0-9][a-z0-9+.-]+(?::[a-z0-9][a-z0-9-]*)?(?:=[A-Za-z0-9.+~:-]+|/[A-Za-z0-9][A-Za-z0-9.+_-]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageArgument();
}
