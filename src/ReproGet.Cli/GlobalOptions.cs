using System.CommandLine;
using ReproGet.Core.Cache;
using ReproGet.Core.Errors;

namespace ReproGet.Cli;

/// <summary>Options every command accepts; each takes its default from the Go tool's environment variable.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Debug = new("--debug")
    {
        Description = "Show debug messages and the stack of errors [$DEBUG]",
        DefaultValueFactory = _ => EnvironmentFlag("DEBUG"),
        Recursive = true,
    };

    public static readonly Option<string> Cache = new("--cache")
    {
        Description = $"Cache directory [${ContentCache.EnvironmentVariable}]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ContentCache.EnvironmentVariable) ?? ContentCache.DefaultRoot,
        Recursive = true,
    };

    public static readonly Option<string?> Distro = new("--distro")
    {
        Description = "Distro plugin (default: detected from /etc/os-release, ID then ID_LIKE) [$REPRO_GET_DISTRO]",
        DefaultValueFactory = _ => NullIfEmpty(Environment.GetEnvironmentVariable("REPRO_GET_DISTRO")),
        Recursive = true,
    };

    public static readonly Option<string[]> Provider = new("--provider")
    {
        Description = "Provider template, repeatable or comma-separated, tried in order; e.g. "
            + "'http://deb.debian.org/debian/{{.Name}}' (default: the distro's) [$REPRO_GET_PROVIDER]",
        DefaultValueFactory = _ => SplitList(Environment.GetEnvironmentVariable("REPRO_GET_PROVIDER")),
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string> Root = new("--root")
    {
        Description = "System root whose package databases are read and into which packages are installed [$REPRO_GET_ROOT]",
        DefaultValueFactory = _ => NullIfEmpty(Environment.GetEnvironmentVariable("REPRO_GET_ROOT")) ?? "/",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Debug);
        root.Options.Add(Cache);
        root.Options.Add(Distro);
        root.Options.Add(Provider);
        root.Options.Add(Root);
    }

    /// <summary>
    /// Providers from the flag, split on commas and trimmed. An empty item (<c>--provider ' '</c>, <c>',,'</c>) is an
    /// error: silently falling back to the distro's defaults would fetch from somewhere the user did not name.
    /// </summary>
    public static IReadOnlyList<string> Providers(ParseResult parseResult)
    {
        var providers = new List<string>();
        foreach (var value in parseResult.GetValue(Provider) ?? [])
        {
            var items = value.Split(',', StringSplitOptions.TrimEntries);
            if (items.Any(i => i.Length == 0))
            {
                throw new ReproGetException($"--provider \"{value.ReplaceLineEndings(" ")}\" has an empty item",
                    "give each provider template once, e.g. --provider 'http://HOST/PATH/{{.Name}}'; omit --provider for the distro's defaults");
            }
            providers.AddRange(items);
        }
        return providers;
    }

    private static string[] SplitList(string? value) =>
        value?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool EnvironmentFlag(string name) =>
        Environment.GetEnvironmentVariable(name)?.Trim().ToLowerInvariant() is "1" or "t" or "true" or "yes";
}
