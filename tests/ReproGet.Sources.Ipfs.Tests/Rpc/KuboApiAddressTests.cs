using ReproGet.Core.Errors;
using ReproGet.Sources.Ipfs.Rpc;
using ReproGet.TestKit;

namespace ReproGet.Sources.Ipfs.Tests.Rpc;

public sealed class KuboApiAddressTests
{
    [Theory]
    [InlineData("/ip4/127.0.0.1/tcp/5001", "http://127.0.0.1:5001/")]
    [InlineData("/ip4/10.0.0.7/tcp/5002/http", "http://10.0.0.7:5002/")]
    [InlineData("/ip6/::1/tcp/5001", "http://[::1]:5001/")]
    [InlineData("/dns4/ipfs.internal/tcp/443/https", "https://ipfs.internal/")]
    [InlineData("/dns/ipfs.internal/tcp/5001/tls/http", "https://ipfs.internal:5001/")]
    [InlineData("http://127.0.0.1:5001", "http://127.0.0.1:5001/")]
    [InlineData("https://node.example/prefix/", "https://node.example/prefix/")]
    [InlineData("localhost:5001", "http://localhost:5001/")]
    public void Addresses_parse_as_Kubo_reads_them(string text, string url) =>
        Assert.Equal(url, KuboApiAddress.Parse(text, "test").ToString());

    [Theory]
    [InlineData("/unix/run/ipfs.sock")]
    [InlineData("/ip4/127.0.0.1/udp/5001")]
    [InlineData("/ip4/127.0.0.1/tcp/port")]
    [InlineData("ftp://host:21")]
    public void Other_addresses_are_errors_naming_where_they_came_from(string text)
    {
        var error = Assert.Throws<ReproGetException>(() => KuboApiAddress.Parse(text, "$IPFS_API"));

        Assert.Contains($"\"{text}\" (from $IPFS_API)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_flag_wins_then_IPFS_API_then_the_api_file_then_the_default()
    {
        using var repo = new TempDirectory();
        repo.WriteFile("api", "/ip4/127.0.0.1/tcp/45005\n");
        var environment = new Dictionary<string, string?> { ["IPFS_PATH"] = repo.Path, ["IPFS_API"] = "/ip4/127.0.0.1/tcp/45004" };

        Assert.Equal("http://127.0.0.1:45003/", KuboApiAddress.Resolve("/ip4/127.0.0.1/tcp/45003", Lookup(environment)).BaseUrl.ToString());
        Assert.Equal("http://127.0.0.1:45004/", KuboApiAddress.Resolve(null, Lookup(environment)).BaseUrl.ToString());
        environment.Remove("IPFS_API");
        var fromFile = KuboApiAddress.Resolve(null, Lookup(environment));
        Assert.Equal("http://127.0.0.1:45005/", fromFile.BaseUrl.ToString());
        Assert.Equal(repo.Combine("api"), fromFile.Origin);
        environment["IPFS_PATH"] = repo.Combine("missing");
        Assert.Equal("http://127.0.0.1:5001/", KuboApiAddress.Resolve(null, Lookup(environment)).BaseUrl.ToString());
    }

    private static Func<string, string?> Lookup(Dictionary<string, string?> environment) => name => environment.GetValueOrDefault(name);
}
