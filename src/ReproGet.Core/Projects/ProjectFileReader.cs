using System.Globalization;
using ReproGet.Core.Errors;
using ReproGet.Core.Providers;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace ReproGet.Core.Projects;

/// <summary>
/// Reads <c>repro-get.toml</c> through Tomlyn's untyped model (<see cref="TomlTable"/>: no reflection, so the trimmed
/// binary reads it too). Every problem is one <see cref="ProjectFileException"/> at <c>file:line:column</c>.
/// </summary>
public static class ProjectFileReader
{
    public static IReadOnlyList<string> Keys { get; } =
    [
        "distro", "sources", "releasever", "snapshot", "architectures", "packages", "recommends", "base", "providers", "keyring",
        "rebuilder", "threshold", "allow",
    ];

    private static readonly string[] RebuilderKeys = ["name", "url", "key"];

    /// <param name="knownDistros">The distro plugins the caller can resolve with (the CLI's catalog).</param>
    /// <param name="environment">Reads <c>SOURCE_DATE_EPOCH</c> for <c>snapshot = "SOURCE_DATE_EPOCH"</c>.</param>
    public static ProjectFile Read(string path, IReadOnlyCollection<string> knownDistros, Func<string, string?>? environment = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ReproGetException($"{path}: no such project file",
                $"write a {ProjectFile.DefaultName} (README: \"Locking from a project file\") or pass --config PATH");
        }
        return Parse(File.ReadAllText(full), path, full, knownDistros, environment ?? Environment.GetEnvironmentVariable);
    }

    public static ProjectFile Parse(string text, string displayPath, string fullPath, IReadOnlyCollection<string> knownDistros,
        Func<string, string?> environment)
    {
        var metadata = new TomlMetadataStore();
        TomlTable model;
        try
        {
            var context = new ProjectTomlContext(new TomlSerializerOptions
            {
                SourceName = displayPath,
                MetadataStore = metadata,
                DuplicateKeyHandling = TomlDuplicateKeyHandling.Error,
            });
            model = TomlSerializer.Deserialize(text, context.TomlTable) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            throw new ProjectFileException(displayPath, e.Line ?? 1, e.Column ?? 1, SyntaxProblem(e.Diagnostics?.FirstOrDefault()?.Message ?? e.Message),
                "fix the TOML syntax (https://toml.io/en/v1.0.0)");
        }
        var table = new ProjectTable(displayPath, model, metadata, 1, 1);
        var directory = System.IO.Path.GetDirectoryName(fullPath)!;
        string Resolve(string p) => System.IO.Path.GetFullPath(p, directory);

        var distro = table.RequiredString("distro", "distro = \"debian\"");
        if (!knownDistros.Contains(distro, StringComparer.Ordinal))
        {
            throw table.Error("distro", $"unknown distro \"{ProjectTable.Printable(distro)}\"",
                $"use one of: {string.Join(", ", knownDistros.Where(d => d != "none"))}");
        }
        var sources = table.Strings("sources", "sources = [\"deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main\"]")
            ?? throw table.ErrorHere("missing key \"sources\"", "add `sources = [\"deb [signed-by=KEYRING] URI SUITE COMPONENT\"]`");
        if (sources.Count == 0)
        {
            throw table.Error("sources", "\"sources\" is empty", "name at least one archive");
        }
        foreach (var source in sources.Where(s => s.Contains("trusted=yes", StringComparison.OrdinalIgnoreCase)))
        {
            throw table.Error("sources", $"source \"{ProjectTable.Printable(source)}\" turns signature checks off ([trusted=yes])",
                "remove trusted=yes and name the archive's key with signed-by=KEYRING (or set keyring = \"PATH\")");
        }
        var architectures = table.Strings("architectures", "architectures = [\"amd64\"]")
            ?? throw table.ErrorHere("missing key \"architectures\"", "add `architectures = [\"amd64\"]` (one lock is written per architecture)");
        if (architectures.Count == 0 || architectures.Any(a => a.Length == 0 || !a.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_')))
        {
            throw table.Error("architectures", "\"architectures\" must list architecture names such as \"amd64\", \"arm64\", \"riscv64\"",
                "write it as `architectures = [\"amd64\", \"arm64\"]`");
        }
        var packages = table.Strings("packages", "packages = [\"hello\", \"jq=1.6-2.1\"]")
            ?? throw table.ErrorHere("missing key \"packages\"", "add `packages = [\"hello\"]`");
        if (packages.Count == 0)
        {
            throw table.Error("packages", "\"packages\" is empty", "name the packages to lock: `packages = [\"hello\"]`");
        }
        var providers = table.Strings("providers", "providers = [\"http://deb.debian.org/debian/{{.Name}}\"]") ?? [];
        foreach (var provider in providers)
        {
            try
            {
                ProviderTemplate.Parse(provider);
            }
            catch (ReproGetException e)
            {
                throw table.Error("providers", e.Message, e.Hint);
            }
        }
        var keyring = table.String("keyring", "keyring = \"/usr/share/keyrings/debian-archive-keyring.gpg\"");
        var rebuilders = table.Tables("rebuilder", "[[rebuilder]]\nname = \"…\"\nurl = \"https://…\"\nkey = \"rebuilder.pem\"")
            .Select(t => Rebuilder(t, Resolve)).ToList();
        var threshold = table.Integer("threshold", "threshold = 2");
        if (threshold is < 1 || threshold > Math.Max(1, rebuilders.Count))
        {
            throw table.Error("threshold", $"\"threshold\" is {threshold} but there {(rebuilders.Count == 1 ? "is 1 rebuilder" : $"are {rebuilders.Count} rebuilders")}",
                "set it between 1 and the number of [[rebuilder]] tables");
        }
        var project = new ProjectFile
        {
            Path = fullPath,
            Distro = distro,
            Sources = sources,
            Snapshot = Snapshot(table, environment),
            Architectures = [.. architectures.Distinct(StringComparer.Ordinal)],
            ReleaseVersion = table.String("releasever", "releasever = \"40\""),
            Packages = packages,
            Recommends = table.Boolean("recommends", "recommends = false") ?? false,
            Base = Base(table, Resolve),
            Providers = providers,
            Keyring = keyring is null ? null : Resolve(keyring),
            Rebuilders = rebuilders,
            Threshold = threshold is null ? null : (int)threshold,
            Allow = table.Strings("allow", "allow = [\"tzdata\"]") ?? [],
        };
        table.RejectUnknown(Keys, "in the project file");
        return project;
    }

    private static RebuilderEntry Rebuilder(ProjectTable table, Func<string, string> resolve)
    {
        var name = table.RequiredString("name", "name = \"reproducible-builds.org\"");
        var url = table.RequiredString("url", "url = \"https://rebuilder.example/\"");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw table.Error("url", $"rebuilder \"{ProjectTable.Printable(name)}\": \"{ProjectTable.Printable(url)}\" is not an http(s) URL",
                "write it as `url = \"https://rebuilder.example/\"`");
        }
        var key = table.RequiredString("key", "key = \"keys/rebuilder.pem\"");
        table.RejectUnknown(RebuilderKeys, "in [[rebuilder]]");
        return new RebuilderEntry(name, uri, resolve(key));
    }

    private static ProjectBase Base(ProjectTable table, Func<string, string> resolve)
    {
        var text = table.String("base", "base = \"SHA256SUMS-base-{arch}\"");
        if (text is null || text == "none")
        {
            return ProjectBase.None;
        }
        var path = resolve(text);
        if (Directory.Exists(path))
        {
            return new ProjectBase(ProjectBaseKind.Root, path);
        }
        if (path.Contains("{arch}", StringComparison.Ordinal))
        {
            return new ProjectBase(ProjectBaseKind.Lock, path);
        }
        if (!File.Exists(path))
        {
            throw table.Error("base", $"base \"{ProjectTable.Printable(text)}\" does not exist",
                "name an existing lock (SHA256SUMS-base-{arch}), a dpkg status file, a root directory, or \"none\"");
        }
        return new ProjectBase(LooksLikeDpkgStatus(path) ? ProjectBaseKind.Status : ProjectBaseKind.Lock, path);
    }

    private static bool LooksLikeDpkgStatus(string path)
    {
        using var reader = new StreamReader(path);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                return line.StartsWith("Package:", StringComparison.Ordinal);
            }
        }
        return false;
    }

    private static DateTimeOffset? Snapshot(ProjectTable table, Func<string, string?> environment)
    {
        const string Example = "snapshot = 2024-01-01T00:00:00Z (or \"SOURCE_DATE_EPOCH\", or seconds since 1970)";
        switch (table.Raw("snapshot"))
        {
            case null:
                return null;
            case TomlDateTime time when time.Kind is TomlDateTimeKind.OffsetDateTimeByZ or TomlDateTimeKind.OffsetDateTimeByNumber:
                return time.DateTime.ToUniversalTime();
            case long seconds:
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            case "SOURCE_DATE_EPOCH":
                var value = environment("SOURCE_DATE_EPOCH");
                return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
                    ? DateTimeOffset.FromUnixTimeSeconds(epoch)
                    : throw table.Error("snapshot", $"snapshot = \"SOURCE_DATE_EPOCH\" but SOURCE_DATE_EPOCH is {(value is null ? "not set" : $"\"{ProjectTable.Printable(value)}\", not seconds since 1970")}",
                        "export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) or write the time in the file");
            case string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                return parsed.ToUniversalTime();
            default:
                throw table.WrongType("snapshot", "a date-time with a zone, an integer, or \"SOURCE_DATE_EPOCH\"", Example);
        }
    }

    // Tomlyn's message is "FILE(L,C) : error : TEXT"; the position is already in front of ours.
    private static string SyntaxProblem(string message)
    {
        const string Marker = " : error : ";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        var line = (at < 0 ? message : message[(at + Marker.Length)..]).Split('\n')[0].Trim();
        return ProjectTable.Printable(line);
    }
}
