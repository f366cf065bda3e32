using System.Text;
using System.Text.Json;

namespace ReproGet.Sources.Oci;

/// <summary>Reads the distribution spec's error body, <c>{"errors":[{"code":…,"message":…,"detail":…}]}</c>, into one line and its codes.</summary>
public static class RegistryErrors
{
    private const int MaxBody = 64 * 1024;

    /// <summary>"CODE: message; CODE: message", the body's start when it is not that JSON, or null when empty.</summary>
    public static async Task<string?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false)).Detail;

    /// <summary>The one-line description and the <c>errors[].code</c> values (empty when the body is not that JSON).</summary>
    public static async Task<RegistryErrorBody> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxBody];
            var length = await stream.ReadAtLeastAsync(buffer, MaxBody, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            body = buffer[..length];
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return new RegistryErrorBody(null, []);
        }
        return new RegistryErrorBody(Describe(body), Codes(body));
    }

    /// <summary>The <c>errors[].code</c> values of a distribution-spec error body, in order; empty for anything else.</summary>
    public static IReadOnlyList<string> Codes(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var json = JsonDocument.ParseValue(ref reader);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array)
            {
                return [.. errors.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String)
                    .Select(e => e.GetProperty("code").GetString()!)];
            }
        }
        catch (JsonException)
        {
        }
        return [];
    }

    public static string? Describe(ReadOnlySpan<byte> body)
    {
        if (body.Trim(" \r\n\t"u8).IsEmpty)
        {
            return null;
        }
        try
        {
            var reader = new Utf8JsonReader(body);
            using var json = JsonDocument.ParseValue(ref reader);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array)
            {
                var parts = errors.EnumerateArray().Select(Describe).Where(p => p.Length > 0).ToList();
                if (parts.Count > 0)
                {
                    return string.Join("; ", parts);
                }
            }
        }
        catch (JsonException)
        {
        }
        var text = Encoding.UTF8.GetString(body).Trim().ReplaceLineEndings(" ");
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    private static string Describe(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            return "";
        }
        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return (code, message) switch
        {
            (not null, not null) => $"{code}: {message}",
            (not null, null) => code,
            (null, not null) => message,
            _ => "",
        };
    }
}
