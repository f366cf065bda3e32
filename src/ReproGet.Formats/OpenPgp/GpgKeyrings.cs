using System.Text;

namespace ReproGet.Formats.OpenPgp;

/// <summary>
/// The keyring arguments for gpgv: each keyring's bytes written into a private directory, binary keyrings as they
/// are, armored <c>.asc</c> keys decoded (gpgv 2.2 reads only binary keyrings; apt's own wrapper does the same
/// conversion), so gpgv reads exactly the bytes the caller read (and may have hashed); and an empty temporary home so
/// gpg never reads or writes the user's own.
/// </summary>
public sealed class GpgKeyrings : IDisposable
{
    private readonly string _directory;

    /// <summary>Keyring files read now.</summary>
    public GpgKeyrings(IEnumerable<string> keyringFiles)
        : this(keyringFiles.Select(f => (f, File.ReadAllBytes(f))))
    {
    }

    /// <summary>Keyrings already read: each file's name (its suffix says armored or binary) and bytes.</summary>
    public GpgKeyrings(IEnumerable<(string Path, byte[] Bytes)> keyrings)
    {
        _directory = Directory.CreateTempSubdirectory("repro-get-gpgv.").FullName;
        var files = new List<string>();
        foreach (var (file, bytes) in keyrings)
        {
            var binary = file.EndsWith(".asc", StringComparison.Ordinal) && Dearmor(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')) is { } decoded ? decoded : bytes;
            var copy = Path.Combine(_directory, $"{files.Count}.gpg");
            File.WriteAllBytes(copy, binary);
            files.Add(copy);
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
