using System.Text;
using ReproGet.Core.Hashing;
using ReproGet.TestKit;
using ReproGet.Core.Operations.Pushing;

namespace ReproGet.Sources.Oci.Tests;

public sealed class ArtifactManifestTests
{
    [Fact]
    public void Writes_the_same_bytes_as_oras_push()
    {
        // fixtures/oci/oras: a manifest exactly as `oras push` wrote it for two files.
        var expected = File.ReadAllBytes(FixturePath.Get("oci", "oras", "oras-push-manifest.raw.json"));
        ArtifactFile[] files =
        [
            new("sbom.spdx", Sha256Digest.Parse("6cb759c4296e67e35b0367f3c0f51dfdb776a0c99a45f39d0476e43d82696d65"), 14477, "/unused"),
            new("scan-test-verify-image.json", Sha256Digest.Parse("54c0e84503c8790e03afe34bfc05a5ce45c933430cfd9c5f8a99d2c89f1f1b69"), 6639, "/unused"),
        ];

        var manifest = ArtifactManifest.Build("application/vnd.unknown.artifact.v1", files,
            [new("org.opencontainers.image.created", "2023-12-13T15:08:49Z")]);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(manifest));
        Assert.Equal("7414904f07f515f48fe4afeaf876e3151039a81e7177b9c66e9e7ed6dd18669b", Sha256Hasher.HashBytes(manifest).Hex);
    }

    [Fact]
    public void The_empty_config_is_the_image_spec_empty_descriptor() =>
        Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", ArtifactManifest.EmptyConfigDigest.Hex);

    [Fact]
    public void Package_names_are_written_unescaped_as_go_writes_them()
    {
        var file = new ArtifactFile("libstdc++6_12.2.0-14_amd64.deb", Sha256Digest.Parse(new string('b', 64)), 1, "/unused");

        var text = Encoding.UTF8.GetString(ArtifactManifest.Build(OciMediaTypes.PackagesArtifact, [file], []));

        Assert.Contains("\"org.opencontainers.image.title\":\"libstdc++6_12.2.0-14_amd64.deb\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"annotations\":{}", text, StringComparison.Ordinal);
        Assert.Contains("\"artifactType\":\"application/vnd.reproget.packages.v1+json\"", text, StringComparison.Ordinal);
    }
}
