namespace ReproGet.Sources.Oci;

/// <summary>The media types of the OCI image spec that pushing and pulling package files use.</summary>
public static class OciMediaTypes
{
    public const string ImageManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string ImageIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>The config of an artifact that has none: the two bytes <c>{}</c> (image-spec "empty descriptor").</summary>
    public const string Empty = "application/vnd.oci.empty.v1+json";

    /// <summary>What <c>oras push</c> calls a plain file layer.</summary>
    public const string FileLayer = "application/vnd.oci.image.layer.v1.tar";

    /// <summary>Ours: a set of package files pinned by a lockfile.</summary>
    public const string PackagesArtifact = "application/vnd.reproget.packages.v1+json";

    /// <summary>The annotation ORAS reads to name the file a layer becomes.</summary>
    public const string TitleAnnotation = "org.opencontainers.image.title";

    public static readonly IReadOnlyList<string> Manifests = [ImageManifest, ImageIndex, DockerManifest, DockerManifestList];
}
