using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReproGet.Cli.Output;

/// <summary>JSON on stdout, 4-space indented as the Go tool prints it, written without reflection (trimmed binary).</summary>
public static class JsonOutput
{
    public static void Write(Action<Utf8JsonWriter> body)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 4,
            // Readable text for '+' and non-ASCII names (the default escapes them as \uXXXX); this is terminal output, not HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            body(writer);
        }
        stdout.WriteByte((byte)'\n');
    }
}
