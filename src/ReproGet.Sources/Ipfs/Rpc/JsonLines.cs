using System.Text.Json;
using ReproGet.Core.Errors;

namespace ReproGet.Sources.Ipfs.Rpc;

/// <summary>A Kubo RPC answer: one JSON object per line (NDJSON), or a single object.</summary>
internal sealed class JsonLines : IDisposable
{
    private readonly List<JsonDocument> _documents;

    private JsonLines(List<JsonDocument> documents) => _documents = documents;

    public IReadOnlyList<JsonDocument> Documents => _documents;

    public static JsonLines Parse(string body, string what)
    {
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                documents.Add(JsonDocument.Parse(line));
            }
        }
        catch (JsonException e)
        {
            documents.ForEach(d => d.Dispose());
            throw new ReproGetException($"{what}: the answer is not JSON: {(body.Length > 200 ? body[..200] + "…" : body)}", inner: e);
        }
        return new JsonLines(documents);
    }

    /// <summary>Takes ownership of the last document away from this set (null when there is none).</summary>
    public JsonDocument? TakeLast()
    {
        if (_documents.Count == 0)
        {
            return null;
        }
        var last = _documents[^1];
        _documents.RemoveAt(_documents.Count - 1);
        return last;
    }

    public void Dispose() => _documents.ForEach(d => d.Dispose());
}
