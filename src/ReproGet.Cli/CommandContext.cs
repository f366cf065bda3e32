using System.CommandLine;
using ReproGet.Cli.Output;
using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Providers;

namespace ReproGet.Cli;

/// <summary>What a command needs from the global options, resolved lazily so commands that need no distro never detect one.</summary>
public sealed class CommandContext(ParseResult parseResult)
{
    private IDistro? _distro;

    public ParseResult ParseResult { get; } = parseResult;

    /// <summary>Where data goes (stdout, or the test's writer): hash lines, JSON, CIDs, digests.</summary>
    public TextWriter Output => ParseResult.InvocationConfiguration.Output;

    /// <summary>Where people read status, warnings and errors (stderr, or the test's writer).</summary>
    public TextWriter Error => ParseResult.InvocationConfiguration.Error;

    public ConsoleStatusLog Log { get; } = new(parseResult.InvocationConfiguration.Error, parseResult.GetValue(GlobalOptions.Debug));

    public string CacheRoot => ParseResult.GetValue(GlobalOptions.Cache) ?? ContentCache.DefaultRoot;

    public string Root => Path.GetFullPath(ParseResult.GetValue(GlobalOptions.Root) ?? "/");

    public DistroContext DistroContext => new(Root, Log) { CacheRoot = CacheRoot };

    public IDistro Distro => _distro ??= DistroCatalog.Resolve(ParseResult.GetValue(GlobalOptions.Distro), Root, Log);

    public ContentCache OpenCache() => ContentCache.Open(CacheRoot);

    /// <summary>The providers to try: the user's, else the distro's defaults; parsed (and so checked) before any work.</summary>
    public IReadOnlyList<ProviderTemplate> Providers()
    {
        var raw = RawProviders();
        if (raw.Count == 0)
        {
            throw new ReproGetException($"no provider: the distro plugin \"{Distro.Name}\" has no default providers",
                "pass --provider 'http://HOST/PATH/{{.Name}}' or set REPRO_GET_PROVIDER");
        }
        return [.. raw.Select(ProviderTemplate.Parse)];
    }

    public IReadOnlyList<string> RawProviders()
    {
        var raw = GlobalOptions.Providers(ParseResult);
        return raw.Count > 0 ? raw : Distro.DefaultProviders(DistroContext);
    }

    public static string? Environment(string name) => System.Environment.GetEnvironmentVariable(name);
}
