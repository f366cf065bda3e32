using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ReproGet.Core.Errors;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Rpc;

/// <summary>
/// The few Kubo RPC calls this tool makes (<c>POST /api/v0/…</c>). Written to work with Kubo and with js-ipfs alike:
/// a <c>Size</c> may come as a string or a number, CIDs are compared parsed (js-ipfs prints CIDv1 in base58btc
/// unless asked for base32), and <c>hash=</c> is never sent (js-ipfs takes it to mean CIDv1 with raw leaves).
/// </summary>
public sealed class KuboRpcClient(HttpClient client, KuboApiAddress api)
{
    public KuboApiAddress Api { get; } = api;

    /// <summary>The node's version string (any node answers; used to say early that the API is unreachable).</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        using var json = await PostForJsonAsync("version", [], null, "ask the IPFS node for its version", cancellationToken).ConfigureAwait(false);
        return json.RootElement.TryGetProperty("Version", out var version) ? version.GetString() ?? "" : "";
    }

    /// <summary><c>ipfs add</c> of one file with the given layout, pinned; returns the CID the node computed.</summary>
    public async Task<Cid> AddAsync(string path, string name, UnixFsImportOptions options, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return await AddAsync(file, name, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>ipfs add</c> of <paramref name="content"/>, read to its end as it is sent.</summary>
    public async Task<Cid> AddAsync(Stream content, string name, UnixFsImportOptions options, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> query =
        [
            new("pin", "true"),
            new("cid-version", options.CidVersion == 0 ? "0" : "1"),
            new("raw-leaves", options.RawLeaves ? "true" : "false"),
            new("chunker", $"size-{options.ChunkSize}"),
            new("progress", "false"),
        ];
        if (options.CidVersion == 1)
        {
            query.Add(new("cid-base", "base32"));
        }
        using var json = await PostForJsonAsync("add", query, FileForm(content, name), $"ipfs add {name}", cancellationToken).ConfigureAwait(false);
        var hash = json.RootElement.TryGetProperty("Hash", out var value) ? value.GetString() : null;
        return Cid.TryParse(hash, out var cid)
            ? cid
            : throw new ReproGetException($"ipfs add {name} at {Api.BaseUrl}: the node answered no valid CID ({json.RootElement.GetRawText()})");
    }

    /// <summary><c>ipfs dag import</c> of a CAR with its roots pinned; returns the roots the node reports.</summary>
    public async Task<IReadOnlyList<Cid>> DagImportAsync(string carPath, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(carPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        using var lines = await PostForJsonLinesAsync("dag/import", [new("pin-roots", "true")], FileForm(file, Path.GetFileName(carPath)),
            $"ipfs dag import {carPath}", cancellationToken).ConfigureAwait(false);
        var roots = new List<Cid>();
        foreach (var line in lines.Documents)
        {
            if (line.RootElement.TryGetProperty("Root", out var root) && root.TryGetProperty("Cid", out var cidLink)
                && cidLink.TryGetProperty("/", out var text) && Cid.TryParse(text.GetString(), out var cid))
            {
                var pinError = root.TryGetProperty("PinErrorMsg", out var message) ? message.GetString() : null;
                if (!string.IsNullOrEmpty(pinError))
                {
                    throw new ReproGetException($"ipfs dag import {carPath}: pinning {cid} failed: {pinError}");
                }
                roots.Add(cid);
            }
        }
        return roots;
    }

    /// <summary>Whether the node holds a recursive pin of <paramref name="cid"/> (a local lookup; it never fetches).</summary>
    public async Task<bool> IsPinnedAsync(Cid cid, CancellationToken cancellationToken)
    {
        var (status, body) = await PostAsync("pin/ls", [new("arg", cid.ToString()), new("type", "recursive")], null,
            $"ipfs pin ls {cid}", cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.OK)
        {
            return true;
        }
        // Kubo and js-ipfs answer 500 with {"Message":"path '…' is not pinned"}.
        return ErrorMessage(body).Contains("not pinned", StringComparison.OrdinalIgnoreCase)
            ? false
            : throw Failure($"ipfs pin ls {cid}", status, body);
    }

    private static MultipartFormDataContent FileForm(Stream file, string name)
    {
        var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { content, "file", Uri.EscapeDataString(name) } };
        return form;
    }

    private async Task<JsonDocument> PostForJsonAsync(string command, IReadOnlyList<KeyValuePair<string, string>> query,
        HttpContent? content, string what, CancellationToken cancellationToken)
    {
        using var lines = await PostForJsonLinesAsync(command, query, content, what, cancellationToken).ConfigureAwait(false);
        // Streaming commands answer one JSON object per line; the last one carries the result.
        return lines.TakeLast() ?? throw new ReproGetException($"{what} at {Api.BaseUrl}: empty answer");
    }

    private async Task<JsonLines> PostForJsonLinesAsync(string command, IReadOnlyList<KeyValuePair<string, string>> query,
        HttpContent? content, string what, CancellationToken cancellationToken)
    {
        var (status, body) = await PostAsync(command, query, content, what, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw Failure(what, status, body);
        }
        return JsonLines.Parse(body, $"{what} at {Api.BaseUrl}");
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string command, IReadOnlyList<KeyValuePair<string, string>> query,
        HttpContent? content, string what, CancellationToken cancellationToken)
    {
        var url = new UriBuilder(new Uri(Api.BaseUrl, "api/v0/" + command))
        {
            Query = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")),
        }.Uri;
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (Api.BaseUrl.UserInfo.Length > 0)
        {
            var credentials = Uri.UnescapeDataString(Api.BaseUrl.UserInfo);
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        try
        {
            using var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException e)
        {
            throw new ReproGetException($"{what}: cannot reach the IPFS API at {Redacted} (from {Api.Origin}): {e.Message}",
                "start a node (ipfs daemon), or point to it with --api /ip4/HOST/tcp/PORT or IPFS_API", e);
        }
    }

    private string Redacted => Api.BaseUrl.UserInfo.Length > 0 ? new UriBuilder(Api.BaseUrl) { UserName = "", Password = "" }.Uri.ToString() : Api.BaseUrl.ToString();

    private ReproGetException Failure(string what, HttpStatusCode status, string body) =>
        new($"{what} at {Redacted}: HTTP {(int)status}: {ErrorMessage(body)}",
            status == HttpStatusCode.NotFound ? "is this the RPC API port (5001), not the gateway (8080)?" : null);

    /// <summary>The <c>Message</c> of Kubo's error object, or the body itself.</summary>
    private static string ErrorMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("Message", out var message))
            {
                return message.GetString() ?? body;
            }
        }
        catch (JsonException)
        {
            // Not JSON: show it as it is.
        }
        return body.Length > 300 ? body[..300] + "…" : body.Trim();
    }
}
