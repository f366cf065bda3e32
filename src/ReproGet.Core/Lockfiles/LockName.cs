namespace ReproGet.Core.Lockfiles;

/// <summary>The rules a lockfile name must follow, so it can never escape a directory it is joined to.</summary>
public static class LockName
{
    public static string Basename(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash < 0 ? name : name[(slash + 1)..];
    }

    /// <summary>Why <paramref name="name"/> is not a valid lockfile name, or null when it is valid.</summary>
    public static string? Explain(string name)
    {
        if (name.Length == 0)
        {
            return "empty file name";
        }
        if (name.Any(char.IsControl))
        {
            return $"file name {Quote(name)} contains a control character";
        }
        if (name.Contains('\\'))
        {
            return $"file name {Quote(name)} contains a backslash";
        }
        if (NameEscaping.NeedsEscaping(name))
        {
            // U+202E, U+2028 and the like: invisible, or reorder what a terminal shows.
            return $"file name {Quote(name)} contains an invisible formatting or separator character";
        }
        if (name.StartsWith('/'))
        {
            return $"file name {Quote(name)} must be relative";
        }
        if (name == ".." || name.StartsWith("../", StringComparison.Ordinal))
        {
            // Go's path.Clean keeps a leading "..", so the Go tool let such names through.
            return $"file name {Quote(name)} must not start with '..' (it would point outside the directory)";
        }
        if (Clean(name) != name)
        {
            return $"file name {Quote(name)} is not clean (want {Quote(Clean(name))}): no '.', '..', '//' or trailing '/'";
        }
        if (Basename(name).StartsWith('.'))
        {
            return $"file name {Quote(name)}: a base name starting with '.' is reserved";
        }
        return null;
    }

    /// <summary>POSIX lexical cleaning, as Go's path.Clean does it.</summary>
    public static string Clean(string name)
    {
        var rooted = name.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in name.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !rooted)
            {
                parts.Add(part);
            }
        }
        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    internal static string Quote(string text) => NameEscaping.Quote(text);
}
