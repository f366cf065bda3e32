using System.Diagnostics.CodeAnalysis;
using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.Gateway;

/// <summary>
/// A URL that names an IPFS file on an HTTP gateway: a path gateway <c>http://HOST[/PREFIX]/ipfs/&lt;CID&gt;</c>, or a
/// subdomain gateway <c>http://&lt;CIDv1&gt;.ipfs.HOST/</c>. It knows how to ask the same gateway for any other block.
/// </summary>
public sealed record GatewayUrl(Uri Url, Cid Root, string Authority)
{
    private string PathPrefix { get; init; } = "";

    private string? SubdomainSuffix { get; init; }

    public static bool TryParse(Uri url, [NotNullWhen(true)] out GatewayUrl? gateway)
    {
        gateway = null;
        if (url.Scheme is not ("http" or "https") || url.Fragment.Length > 0)
        {
            return false;
        }
        var authority = url.Scheme + "://" + url.Authority;
        var segments = url.AbsolutePath.Split('/');
        var last = segments.Length - 1;
        if (last >= 2 && segments[last - 1] == "ipfs" && Cid.TryParse(Uri.UnescapeDataString(segments[last]), out var cid))
        {
            gateway = new GatewayUrl(url, cid, authority) { PathPrefix = string.Join('/', segments[..(last - 1)]) };
            return true;
        }
        var labels = url.Host.Split('.', 3);
        if (labels.Length == 3 && labels[1] == "ipfs" && url.AbsolutePath == "/" && Cid.TryParse(labels[0], out cid))
        {
            gateway = new GatewayUrl(url, cid, authority) { SubdomainSuffix = ".ipfs." + labels[2] };
            return true;
        }
        return false;
    }

    /// <summary>The URL of the whole DAG as a CARv1.</summary>
    public Uri CarUrl => WithQuery(Url, "format=car");

    /// <summary>The URL of one block of this gateway, as raw bytes.</summary>
    public Uri BlockUrl(Cid cid)
    {
        var builder = new UriBuilder(Url) { Query = "format=raw", Fragment = "" };
        if (SubdomainSuffix is null)
        {
            builder.Path = $"{PathPrefix}/ipfs/{cid}";
        }
        else
        {
            // Host names are case-insensitive, so subdomains need a base32 CIDv1.
            builder.Host = cid.ToV1() + SubdomainSuffix;
        }
        return builder.Uri;
    }

    private static Uri WithQuery(Uri url, string parameter)
    {
        var query = url.Query.TrimStart('?');
        return new UriBuilder(url) { Query = query.Length == 0 ? parameter : query + "&" + parameter }.Uri;
    }
}
