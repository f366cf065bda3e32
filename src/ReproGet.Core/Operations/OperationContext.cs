using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Operations.Quorum;
using ReproGet.Core.Providers;

namespace ReproGet.Core.Operations;

/// <summary>
/// Everything an operation may use, given once by the caller (the CLI builds one per invocation, a test builds its
/// own): the run's cache, its sources and fetch options, where status and progress go, the clock, and — resolved on
/// first use, so an operation that needs none never detects one — the distro plugin and the providers.
/// An operation takes this context and its own request, and returns a typed result; it never writes text for people
/// except status through <see cref="Log"/>, and never knows the console.
/// </summary>
public sealed class OperationContext
{
    private readonly Func<FetchOptions, IStatusLog, BlobSourceSet> _createSources;
    private readonly IReadOnlyList<string> _userProviders;
    private readonly Lazy<IDistro> _distro;
    private readonly Lazy<BlobSourceSet> _sources;
    private readonly Lazy<IReadOnlyList<ProviderTemplate>> _providers;
    private readonly Lazy<DistroContext> _distroContext;

    /// <param name="distro">Resolves the plugin (named, or detected from the root).</param>
    /// <param name="sources">Builds the run's sources from its fetch options and log (called at most once).</param>
    /// <param name="providers">The user's provider templates; empty means the plugin's defaults.</param>
    public OperationContext(Func<IDistro> distro, Func<FetchOptions, IStatusLog, BlobSourceSet> sources,
        IReadOnlyList<string> providers)
    {
        _createSources = sources;
        _userProviders = providers;
        _distro = new(distro);
        _sources = new(CreateSources);
        _providers = new(ParseProviders);
        _distroContext = new(CreateDistroContext);
    }

    /// <summary>The run's content cache, opened on first use.</summary>
    public required CacheAccess Cache { get; init; }

    /// <summary>The system root the plugin reads and installs into (<c>/</c> unless <c>--root</c>).</summary>
    public required string Root { get; init; }

    public required IStatusLog Log { get; init; }

    /// <summary>Per-file fetch progress and the start and end of each fetch; <see cref="SilentProgress"/> when nobody watches.</summary>
    public IOperationProgress Progress { get; init; } = SilentProgress.Instance;

    public FetchOptions FetchOptions { get; init; } = new();

    /// <summary>The clock operations measure with (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public IDistro Distro => _distro.Value;

    /// <summary>The run's one resilience registry (retry pipelines by purpose, per-host breakers) on <see cref="Time"/>.</summary>
    public Resilience.ResilienceRegistry Resilience =>
        _resilience ??= new Resilience.ResilienceRegistry(Time, FetchOptions.TransferRetryPolicy);

    private Resilience.ResilienceRegistry? _resilience;

    /// <summary>
    /// Builds the client that asks rebuilderd instances (the sources assembly's, composed by the caller), on first use:
    /// a run without a quorum never builds one. Null: this run cannot ask rebuilders.
    /// </summary>
    public Func<IRebuilderClient>? CreateRebuilderClient { get; init; }

    /// <summary>The run's rebuilderd client, for the quorum steps of fetch, install, bundle and verify.</summary>
    public IRebuilderClient Rebuilders => _rebuilders ??= CreateRebuilderClient?.Invoke()
        ?? throw new InvalidOperationException("this run has no rebuilder client (OperationContext.CreateRebuilderClient)");

    private IRebuilderClient? _rebuilders;

    /// <summary>The blob sources (http(s), file, oci, ipfs) built with <see cref="FetchOptions"/> and <see cref="Log"/>.</summary>
    public BlobSourceSet Sources => _sources.Value;

    /// <summary>The providers to try: the user's, else the plugin's defaults; parsed (and so checked) before any work.</summary>
    public IReadOnlyList<ProviderTemplate> Providers => _providers.Value;

    /// <summary>What a plugin gets: the root, the log, the cache and a repository reader using this run's sources.</summary>
    public DistroContext DistroContext => _distroContext.Value;

    private BlobSourceSet CreateSources() => _createSources(FetchOptions, Log);

    private DistroContext CreateDistroContext() => new(Root, Log)
    {
        Cache = Cache,
        Repositories = new BlobSourceRepositoryReader(() => Sources, FetchOptions),
        Time = Time,
    };

    private IReadOnlyList<ProviderTemplate> ParseProviders()
    {
        var raw = _userProviders.Count > 0 ? _userProviders : Distro.DefaultProviders(DistroContext);
        if (raw.Count == 0)
        {
            throw new ReproGetException($"no provider: the distro plugin \"{Distro.Name}\" has no default providers",
                "pass --provider 'http://HOST/PATH/{{.Name}}' or set REPRO_GET_PROVIDER");
        }
        return [.. raw.Select(ProviderTemplate.Parse)];
    }
}
