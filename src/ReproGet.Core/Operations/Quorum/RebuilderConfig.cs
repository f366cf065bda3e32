using ReproGet.Core.Attestations;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Operations.Quorum;

/// <summary>
/// One rebuilderd instance and its pinned key: <c>URL</c> is the instance base (the API lives at <c>URL/api/v1</c>),
/// the key comes from configuration only (never from the instance at check time: no trust on first use).
/// </summary>
public sealed record RebuilderConfig(string Name, string BaseUrl, Ed25519PublicKey Key)
{
    /// <summary>Parses <c>NAME=URL,KEYFILE</c> (the <c>--rebuilder</c> option) and reads the key file.</summary>
    public static RebuilderConfig Parse(string spec)
    {
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        var comma = spec.LastIndexOf(',');
        if (equals <= 0 || comma < equals + 2 || comma == spec.Length - 1)
        {
            throw new ReproGetException($"--rebuilder \"{Escape(spec)}\": want NAME=URL,KEYFILE",
                "for example --rebuilder debian=https://reproduce.debian.net/amd64,rdn-amd64.pub (show a key with `repro-get rebuilder keys URL`)");
        }
        return Create(spec[..equals], spec[(equals + 1)..comma], spec[(comma + 1)..]);
    }

    public static RebuilderConfig Create(string name, string url, string keyFile)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            throw new ReproGetException($"rebuilder \"{Escape(name)}\": \"{Escape(url)}\" is not an http(s) URL");
        }
        return new RebuilderConfig(name, url.TrimEnd('/'), Ed25519PublicKey.FromFile(keyFile));
    }

    public static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
