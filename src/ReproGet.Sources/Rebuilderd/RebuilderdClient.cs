using System.Net;
using System.Text.Json;
using ReproGet.Core.Operations.Quorum;
using ReproGet.Core.Packages;

namespace ReproGet.Sources.Rebuilderd;

/// <summary>
/// rebuilderd's HTTP API (contrib/docs/rebuilderd-v1.yml): <c>GET URL/api/v1/packages/binary?name=&amp;version=&amp;architecture=</c>
/// then <c>GET URL/api/v1/builds/{build_id}/artifacts/{artifact_id}/attestation</c>; instances without v1 (404) are asked
/// the v0 way, <c>/api/v0/pkgs/list?distro=&amp;name=</c> and <c>/api/v0/builds/{id}/attestation</c>. What comes back is only
/// bytes: the quorum check verifies them against the pinned key.
/// </summary>
public sealed class RebuilderdClient(HttpClient http) : IRebuilderClient
{
    private const int MaxAttestationBytes = 1 << 20;

    public async Task<RebuilderAnswer> FindAttestationsAsync(string baseUrl, PackageFileName package, CancellationToken cancellationToken)
    {
        try
        {
            var v1 = await GetAsync($"{baseUrl}/api/v1/packages/binary?name={Q(package.Package)}&version={Q(Version(package))}"
                + $"&architecture={Q(package.Architecture ?? "")}", cancellationToken).ConfigureAwait(false);
            if (v1.Status == HttpStatusCode.NotFound)
            {
                return await FindV0Async(baseUrl, package, cancellationToken).ConfigureAwait(false);
            }
            if (v1.Status != HttpStatusCode.OK)
            {
                return new RebuilderAnswer([], $"{v1.Url}: HTTP {(int)v1.Status}");
            }
            var urls = new List<string>();
            using (var document = JsonDocument.Parse(v1.Body))
            {
                foreach (var record in document.RootElement.GetProperty("records").EnumerateArray())
                {
                    if (Matches(record, package) && Id(record, "build_id") is { } build && Id(record, "artifact_id") is { } artifact)
                    {
                        urls.Add($"{baseUrl}/api/v1/builds/{build}/artifacts/{artifact}/attestation");
                    }
                }
            }
            return new RebuilderAnswer(await DownloadAsync(urls, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new RebuilderAnswer([], $"{baseUrl}: {e.Message}");
        }
    }

    public async Task<IReadOnlyList<string>> PublicKeysAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var answer = await GetAsync($"{baseUrl}/api/v1/meta/public-keys", cancellationToken).ConfigureAwait(false);
        if (answer.Status != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{answer.Url}: HTTP {(int)answer.Status}");
        }
        using var document = JsonDocument.Parse(answer.Body);
        var keys = new List<string>();
        // [{"current": "<PEM>"}], possibly with other named keys next to "current".
        foreach (var set in document.RootElement.EnumerateArray())
        {
            keys.AddRange(set.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Value.GetString()!));
        }
        return keys;
    }

    private async Task<RebuilderAnswer> FindV0Async(string baseUrl, PackageFileName package, CancellationToken cancellationToken)
    {
        var distro = package.Kind == PackageKind.Pacman ? "archlinux" : "debian";
        var list = await GetAsync($"{baseUrl}/api/v0/pkgs/list?distro={distro}&name={Q(package.Package)}", cancellationToken).ConfigureAwait(false);
        if (list.Status == HttpStatusCode.NotFound)
        {
            return new RebuilderAnswer([]);
        }
        if (list.Status != HttpStatusCode.OK)
        {
            return new RebuilderAnswer([], $"{list.Url}: HTTP {(int)list.Status}");
        }
        var urls = new List<string>();
        using (var document = JsonDocument.Parse(list.Body))
        {
            foreach (var release in document.RootElement.EnumerateArray())
            {
                var hasAttestation = !release.TryGetProperty("has_attestation", out var has) || has.ValueKind != JsonValueKind.False;
                if (Matches(release, package) && hasAttestation && Id(release, "build_id") is { } build)
                {
                    urls.Add($"{baseUrl}/api/v0/builds/{build}/attestation");
                }
            }
        }
        return new RebuilderAnswer(await DownloadAsync(urls, cancellationToken).ConfigureAwait(false));
    }

    private async Task<List<FetchedAttestation>> DownloadAsync(IEnumerable<string> urls, CancellationToken cancellationToken)
    {
        var attestations = new List<FetchedAttestation>();
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            var answer = await GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (answer.Status == HttpStatusCode.OK)
            {
                attestations.Add(new FetchedAttestation(url, answer.Body));
            }
            else if (answer.Status != HttpStatusCode.NotFound)
            {
                throw new HttpRequestException($"{url}: HTTP {(int)answer.Status}");
            }
        }
        return attestations;
    }

    private async Task<(string Url, HttpStatusCode Status, byte[] Body)> GetAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength > MaxAttestationBytes)
        {
            throw new HttpRequestException($"{url}: answer of {response.Content.Headers.ContentLength} bytes is too large");
        }
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length > MaxAttestationBytes)
        {
            throw new HttpRequestException($"{url}: answer of {body.Length} bytes is too large");
        }
        return (url, response.StatusCode, body);
    }

    // A record is ours when version and architecture agree (the query filters too, but v0 lists every version).
    private static bool Matches(JsonElement record, PackageFileName package) =>
        Text(record, "version") == Version(package)
        && (package.Architecture is null || Text(record, "architecture") is not { } arch || arch == package.Architecture);

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Id(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var id) ? id : null;

    /// <summary>The version as the distro (and so rebuilderd) spells it: a file name's %3a is the epoch's colon.</summary>
    private static string Version(PackageFileName package) =>
        package.FullVersion.Replace("%3a", ":", StringComparison.OrdinalIgnoreCase);

    private static string Q(string text) => Uri.EscapeDataString(text);
}
