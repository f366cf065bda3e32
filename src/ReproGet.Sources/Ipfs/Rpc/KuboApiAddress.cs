using System.Globalization;
using ReproGet.Core.Errors;

namespace ReproGet.Sources.Ipfs.Rpc;

/// <summary>
/// Where the Kubo RPC API is, found as Kubo's own client finds it: <c>--api</c>, then <c>$IPFS_API</c>, then the
/// <c>api</c> file a running daemon writes into <c>$IPFS_PATH</c> (default <c>~/.ipfs</c>), then 127.0.0.1:5001.
/// Each may be a URL (<c>http://HOST:PORT</c>), a multiaddr (<c>/ip4/127.0.0.1/tcp/5001</c>) or <c>HOST:PORT</c>.
/// </summary>
public sealed record KuboApiAddress(Uri BaseUrl, string Origin)
{
    public const string EnvironmentVariable = "IPFS_API";
    public const string DefaultAddress = "/ip4/127.0.0.1/tcp/5001";

    public static KuboApiAddress Resolve(string? flag, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(flag))
        {
            return new KuboApiAddress(Parse(flag.Trim(), "--api"), "--api");
        }
        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return new KuboApiAddress(Parse(fromEnvironment.Trim(), "$" + EnvironmentVariable), "$" + EnvironmentVariable);
        }
        var repo = environment("IPFS_PATH") is { Length: > 0 } ipfsPath
            ? ipfsPath
            : Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ipfs");
        var apiFile = Path.Combine(repo, "api");
        if (File.Exists(apiFile))
        {
            return new KuboApiAddress(Parse(File.ReadAllText(apiFile).Trim(), apiFile), apiFile);
        }
        return new KuboApiAddress(Parse(DefaultAddress, "the default"), "the default " + DefaultAddress);
    }

    /// <summary>Parses one address; <paramref name="from"/> names where it was found, for the error.</summary>
    public static Uri Parse(string text, string from)
    {
        if (text.StartsWith('/'))
        {
            return FromMultiaddr(text, from);
        }
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (Uri.TryCreate(candidate, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Host.Length > 0)
        {
            return new UriBuilder(url) { Path = url.AbsolutePath.TrimEnd('/') + "/", Query = "", Fragment = "" }.Uri;
        }
        throw Invalid(text, from);
    }

    private static Uri FromMultiaddr(string text, string from)
    {
        var parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4 || parts[2] != "tcp" || !ushort.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw Invalid(text, from);
        }
        var host = parts[0] switch
        {
            "ip4" or "dns" or "dns4" or "dns6" => parts[1],
            "ip6" => $"[{parts[1]}]",
            _ => throw Invalid(text, from),
        };
        var rest = parts[4..];
        var scheme = rest switch
        {
            [] or ["http"] => "http",
            ["https"] or ["tls", "http"] => "https",
            _ => throw Invalid(text, from),
        };
        return new Uri($"{scheme}://{host}:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    private static ReproGetException Invalid(string text, string from) =>
        new($"invalid IPFS API address \"{text}\" (from {from})",
            "use a multiaddr such as /ip4/127.0.0.1/tcp/5001, or a URL such as http://127.0.0.1:5001");
}
