using System.Text.RegularExpressions;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Distros;

/// <summary>
/// What a plugin's Dockerfile templates accept, checked before anything is written: an architecture from a fixed
/// known set (it names <c>SHA256SUMS-&lt;arch&gt;</c> and the binary in the build context), package names in the
/// distro's grammar (so none is an option such as <c>-oDpkg::Pre-Invoke::=…</c>, a glob or shell text), and base
/// images in the OCI reference grammar.
/// </summary>
/// <param name="Architectures">The accepted <c>--arch</c> values: the distro's names and the OCI platform names.</param>
/// <param name="PackageName">A full match of one package argument.</param>
/// <param name="PackageGrammar">The grammar in words, for the error message.</param>
public sealed record DockerfileInputRules(IReadOnlySet<string> Architectures, Regex PackageName, string PackageGrammar)
{
    /// <summary>Throws a <see cref="ReproGetException"/> naming the first input that is not in its grammar.</summary>
    public void Check(DockerfileParameters parameters)
    {
        if (!Architectures.Contains(parameters.Architecture))
        {
            throw new ReproGetException($"unknown architecture {NameEscaping.Quote(parameters.Architecture)} for --distro {parameters.Distro}",
                $"pass --arch with one of: {string.Join(", ", Architectures.Order(StringComparer.Ordinal))}");
        }
        foreach (var package in parameters.Packages.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!PackageName.IsMatch(package))
            {
                throw new ReproGetException($"invalid package name {NameEscaping.Quote(package)} for --distro {parameters.Distro}",
                    $"a package is {PackageGrammar}; options, globs and shell text are not accepted");
            }
        }
        foreach (var image in new[] { parameters.BaseImageOriginal, parameters.BaseImage }.Distinct(StringComparer.Ordinal))
        {
            if (!ImageReference.IsValid(image))
            {
                throw new ReproGetException($"invalid base image reference {NameEscaping.Quote(image)}",
                    "pass an image reference such as docker.io/library/debian:bookworm or name@sha256:<hex>");
            }
        }
    }
}
