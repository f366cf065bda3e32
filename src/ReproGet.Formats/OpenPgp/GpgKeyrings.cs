using System.Text;

namespace ReproGet.Formats.OpenPgp;

/// <summary>
/// The keyring arguments for gpgv: binary keyrings as they are, armored <c>.asc</c> keys decoded into a temporary
/// binary file (gpgv 2.2 reads only binary keyrings; apt's own wrapper does the same conversion), and an empty
/// temporary home so gpg never reads or writes the user's own.
/// </summary>
public sealed class GpgKeyrings : IDisposable
{
    private readonly string _directory;

    public GpgKeyrings(IEnumerable<string> keyringFiles)
    {
        _directory = Directory.CreateTempSubdirectory("repro-get-gpgv.").FullName;
        var files = new List<string>();
        foreach (var file in keyringFiles)
        {
            if (file.EndsWith(".asc", StringComparison.Ordinal) && Dearmor(File.ReadAllText(file)) is { } binary)
            {
                var converted = Path.Combine(_directory, $"{files.Count}.gpg");
                File.WriteAllBytes(converted, binary);
                files.Add(converted);
            }
            else
            {
                files.Add(file);
            }
        }
        Files = files;
    }

    /// <summary>An empty home for gpgv, so it never reads or creates the user's <c>~/.gnupg</c>.</summary>
    public string HomeDirectory => _directory;

    public IReadOnlyList<string> Files { get; }

    public IEnumerable<string> Arguments() => Files.SelectMany(f => new[] { "--keyring", f });

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // ASCII armor: header line, optional "Key: value" lines, a blank line, base64, "=CRC", footer.
    internal static byte[]? Dearmor(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----", StringComparison.Ordinal));
        if (start < 0)
        {
            return null;
        }
        var body = new StringBuilder();
        var i = start + 1;
        while (i < lines.Length && lines[i].Contains(':', StringComparison.Ordinal))
        {
            i++;
        }
        for (; i < lines.Length && !lines[i].StartsWith("-----END", StringComparison.Ordinal); i++)
        {
            if (!lines[i].StartsWith('='))
            {
                body.Append(lines[i].Trim());
            }
        }
        try
        {
            return Convert.FromBase64String(body.ToString());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
