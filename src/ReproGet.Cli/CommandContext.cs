using System.CommandLine;
using ReproGet.Cli.Commands;
using ReproGet.Cli.Output;
using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Operations;
using ReproGet.Sources.Rebuilderd;

namespace ReproGet.Cli;

/// <summary>
/// One invocation: its writers, its log, and the <see cref="OperationContext"/> its command hands to an operation,
/// built from the global options. The distro is resolved lazily, so commands that need none never detect one.
/// </summary>
internal sealed class CommandContext : IDisposable
{
    private readonly Lazy<IDistro> _distro;
    private readonly Lazy<OperationContext> _operation;
    private readonly Lazy<FetchProgressRenderer> _progress;

    public CommandContext(ParseResult parseResult)
    {
        ParseResult = parseResult;
        Log = new ConsoleStatusLog(parseResult.InvocationConfiguration.Error, parseResult.GetValue(GlobalOptions.Debug));
        Cache = new CacheAccess(parseResult.GetValue(GlobalOptions.Cache) ?? ContentCache.DefaultRoot);
        _distro = new(() => DistroCatalog.Resolve(ParseResult.GetValue(GlobalOptions.Distro), Root, Log));
        _progress = new(() => new FetchProgressRenderer(Log));
        _operation = new(() => new OperationContext(() => Distro, SourceCatalog.Create, UserProviders())
        {
            Cache = Cache,
            Root = Root,
            Log = Log,
            Progress = _progress.Value,
            FetchOptions = FetchOptionsBinder.Bind(ParseResult),
            CreateRebuilderClient = () => new RebuilderdClient(SourceCatalog.CreateHttpClient(FetchOptionsBinder.Bind(ParseResult))),
        });
    }

    public ParseResult ParseResult { get; }

    /// <summary>Where data goes (stdout, or the test's writer): hash lines, JSON, CIDs, digests.</summary>
    public TextWriter Output => ParseResult.InvocationConfiguration.Output;

    /// <summary>Where people read status, warnings and errors (stderr, or the test's writer).</summary>
    public TextWriter Error => ParseResult.InvocationConfiguration.Error;

    public ConsoleStatusLog Log { get; }

    /// <summary>The run's cache, opened on first use and closed when the invocation ends.</summary>
    public CacheAccess Cache { get; }

    public string CacheRoot => Cache.Root;

    public string Root => Path.GetFullPath(ParseResult.GetValue(GlobalOptions.Root) ?? "/");

    public IDistro Distro => _distro.Value;

    /// <summary>What every operation of this invocation works with.</summary>
    public OperationContext Operation => _operation.Value;

    public DistroContext DistroContext => Operation.DistroContext;

    /// <summary>The run's open cache (not to be disposed: the invocation closes it).</summary>
    public ContentCache OpenCache() => Cache.Open();

    /// <summary>The user's providers, else the distro's defaults, unparsed (for <c>info</c>).</summary>
    public IReadOnlyList<string> RawProviders()
    {
        var raw = UserProviders();
        return raw.Count > 0 ? raw : Distro.DefaultProviders(DistroContext);
    }

    /// <summary>The <c>--provider</c> options, else the project file's <c>providers</c> (see <see cref="ProjectFileProviders"/>).</summary>
    private IReadOnlyList<string> UserProviders()
    {
        var raw = GlobalOptions.Providers(ParseResult);
        return raw.Count > 0 ? raw : ProjectFileProviders.For(ParseResult);
    }

    /// <summary>The process's standard input (<c>-</c> as a file name); InvocationConfiguration carries no input writer.</summary>
    public Stream OpenStandardInput() => Console.OpenStandardInput();

    public static string? Environment(string name) => System.Environment.GetEnvironmentVariable(name);

    /// <summary>Stops the progress line and closes the cache; called once the command's body has returned or thrown.</summary>
    public void Dispose()
    {
        if (_progress.IsValueCreated)
        {
            _progress.Value.Dispose();
        }
        Cache.Dispose();
    }
}
