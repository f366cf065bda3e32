namespace ReproGet.Core.Distros;

/// <summary>
/// What a Dockerfile template is filled with; each property is the placeholder <c>@NAME@</c> in upper snake case
/// (<see cref="DockerfileTemplate.Placeholders"/>).
/// </summary>
/// <param name="BaseImage">The base image, pinned by digest when the generator could find it.</param>
/// <param name="BaseImageOriginal">The base image as the user wrote it.</param>
/// <param name="Packages">Packages Dockerfile.generate-hash installs, space-separated.</param>
/// <param name="Architecture">The distro's architecture name, the suffix of <c>SHA256SUMS-&lt;arch&gt;</c>.</param>
/// <param name="Binary">The repro-get binary's file name in the build context.</param>
/// <param name="BinarySha256">The binary's sha256 (hex), checked before it runs.</param>
/// <param name="Distro">The plugin name passed to <c>--distro</c>.</param>
/// <param name="Version">The generating repro-get's version, for the header.</param>
public sealed record DockerfileParameters(
    string BaseImage,
    string BaseImageOriginal,
    string Packages,
    string Architecture,
    string Binary,
    string BinarySha256,
    string Distro,
    string Version);
