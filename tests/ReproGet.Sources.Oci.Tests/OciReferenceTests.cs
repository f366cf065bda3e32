using ReproGet.Core.Errors;

namespace ReproGet.Sources.Oci.Tests;

public sealed class OciReferenceTests
{
    [Theory]
    [InlineData("oci://ghcr.io/me/debs", "https", "ghcr.io", "me/debs", null)]
    [InlineData("oci://localhost:5000/me/debs:v1", "http", "localhost:5000", "me/debs", "v1")]
    [InlineData("oci://127.0.0.1:5000/debs", "http", "127.0.0.1:5000", "debs", null)]
    [InlineData("oci://[::1]:5000/debs", "http", "[::1]:5000", "debs", null)]
    [InlineData("oci+http://registry.lan:5000/a/b/c", "http", "registry.lan:5000", "a/b/c", null)]
    [InlineData("oci+https://127.0.0.1:5000/debs:latest", "https", "127.0.0.1:5000", "debs", "latest")]
    [InlineData("oci://ubuntu", "https", "docker.io", "library/ubuntu", null)]
    [InlineData("oci://index.docker.io/me/debs:1.0", "https", "docker.io", "me/debs", "1.0")]
    public void Parses_transport_registry_repository_and_tag(string text, string transport, string registry, string repository,
        string? tag)
    {
        var reference = OciReference.Parse(text);

        Assert.Equal(transport, reference.Transport);
        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
    }

    [Fact]
    public void Docker_hub_is_reached_at_its_api_host()
    {
        var reference = OciReference.Parse("oci://docker.io/me/debs");

        Assert.Equal("https://registry-1.docker.io/v2/me/debs/blobs/sha256:00", reference.BlobUri("sha256:00").ToString());
    }

    [Fact]
    public void A_digest_is_kept_apart_from_the_tag()
    {
        var digest = "sha256:" + new string('a', 64);

        var reference = OciReference.Parse($"oci://ghcr.io/me/debs:v1@{digest}");

        Assert.Equal("v1", reference.Tag);
        Assert.Equal(digest, reference.Digest);
        Assert.Equal("me/debs", reference.Repository);
    }

    [Fact]
    public void A_plain_reference_is_accepted_only_where_allowed()
    {
        Assert.Equal("127.0.0.1:5000", OciReference.Parse("127.0.0.1:5000/debs:v2", allowPlain: true).Registry);
        Assert.Throws<ReproGetException>(() => OciReference.Parse("127.0.0.1:5000/debs:v2"));
    }

    [Theory]
    [InlineData("oci://ghcr.io/Me/Debs")]
    [InlineData("oci://ghcr.io/")]
    [InlineData("oci://ghcr.io/me/debs@sha256:zz")]
    [InlineData("http://ghcr.io/me/debs")]
    public void Rejects_what_is_not_a_repository_reference(string text)
    {
        var error = Assert.Throws<ReproGetException>(() => OciReference.Parse(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("127.0.0.2:80", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("ghcr.io", false)]
    [InlineData("10.0.0.1:5000", false)]
    public void Knows_loopback_hosts(string registry, bool loopback) => Assert.Equal(loopback, OciReference.IsLoopback(registry));
}
