namespace ReproGet.Cli.Distros;

/// <summary>The <c>ID</c> and <c>ID_LIKE</c> of <c>/etc/os-release</c> (or <c>/usr/lib/os-release</c>) under a root.</summary>
internal sealed record OsRelease(string? Id, IReadOnlyList<string> IdLike)
{
    public static OsRelease Read(string root)
    {
        foreach (var candidate in new[] { "etc/os-release", "usr/lib/os-release" })
        {
            var path = Path.Combine(root, candidate);
            if (File.Exists(path))
            {
                return Parse(File.ReadAllLines(path));
            }
        }
        return new OsRelease(null, []);
    }

    public static OsRelease Parse(IEnumerable<string> lines)
    {
        string? id = null;
        string? idLike = null;
        foreach (var raw in lines)
        {
            var line = raw.Split('#')[0];
            var equals = line.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }
            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim().Trim('"', '\'');
            if (key == "ID")
            {
                id ??= value;
            }
            else if (key == "ID_LIKE")
            {
                idLike ??= value;
            }
        }
        return new OsRelease(id, idLike?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []);
    }
}
