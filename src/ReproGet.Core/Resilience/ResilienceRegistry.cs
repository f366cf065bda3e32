using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Resilience;

/// <summary>
/// The one place retry and circuit-breaker pipelines are built, once per run and keyed by purpose (transfer, push,
/// token) or by host (the breakers). Every retry honours Retry-After up to the purpose's cap, backs off
/// exponentially with jitter otherwise, and waits on the injected <see cref="TimeProvider"/>, so tests advance a fake
/// clock instead of sleeping.
/// </summary>
public sealed class ResilienceRegistry : IDisposable
{
    /// <summary>Called before each retry's delay with the fault and the delay; set per execution.</summary>
    public static readonly ResiliencePropertyKey<Action<Exception, TimeSpan>?> OnRetry = new("repro-get.on-retry");

    /// <summary>When true, a stall, a too-slow body or a silent server is not retried: another provider is waiting.</summary>
    public static readonly ResiliencePropertyKey<bool> MoveOnFromSlowness = new("repro-get.move-on-from-slowness");

    // A host breaks after this many slow transfers, at least half of all its transfers so far, and stays broken for
    // the rest of the run (the longest break Polly takes): a mirror that stalls twice will stall again.
    private const int BreakerMinimumThroughput = 3;
    private static readonly TimeSpan RunLength = TimeSpan.FromDays(1);

    private readonly ResiliencePipelineRegistry<string> _pipelines;
    private readonly Dictionary<ResiliencePurpose, RetryPolicy> _policies;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(ResiliencePipeline Pipeline, CircuitBreakerStateProvider State)>> _breakers =
        new(StringComparer.OrdinalIgnoreCase);

    public ResilienceRegistry(TimeProvider? time = null, RetryPolicy? transfer = null, RetryPolicy? push = null, RetryPolicy? token = null)
    {
        Time = time ?? TimeProvider.System;
        _policies = new()
        {
            [ResiliencePurpose.Transfer] = transfer ?? RetryPolicy.Default,
            [ResiliencePurpose.Push] = push ?? RetryPolicy.Default,
            [ResiliencePurpose.Token] = token ?? RetryPolicy.Default with { Retries = 2 },
        };
        _pipelines = new ResiliencePipelineRegistry<string>(new ResiliencePipelineRegistryOptions<string>
        {
            BuilderFactory = () => new ResiliencePipelineBuilder { TimeProvider = Time },
        });
    }

    public TimeProvider Time { get; }

    public RetryPolicy Policy(ResiliencePurpose purpose) => _policies[purpose];

    /// <summary>The retry pipeline of <paramref name="purpose"/> (empty when its policy allows no retry).</summary>
    public ResiliencePipeline Pipeline(ResiliencePurpose purpose) =>
        _pipelines.GetOrAddPipeline(purpose.ToString(), builder => AddRetry(builder, _policies[purpose]));

    /// <summary>The circuit breaker of one host (scheme://authority): it opens when the host is repeatedly slow.</summary>
    public ResiliencePipeline HostBreaker(string host) => Breaker(host).Pipeline;

    /// <summary>Whether <paramref name="host"/>'s breaker is open: it was slow too often in this run.</summary>
    public bool IsHostBroken(string host) =>
        _breakers.TryGetValue(host, out var breaker) && breaker.IsValueCreated
            && breaker.Value.State.CircuitState is CircuitState.Open or CircuitState.Isolated;

    // Built once per host (Lazy: a state provider serves exactly one breaker, so two racing builds would fail).
    private (ResiliencePipeline Pipeline, CircuitBreakerStateProvider State) Breaker(string host) =>
        _breakers.GetOrAdd(host, h => new Lazy<(ResiliencePipeline, CircuitBreakerStateProvider)>(() =>
        {
            var state = new CircuitBreakerStateProvider();
            var pipeline = new ResiliencePipelineBuilder { TimeProvider = Time }
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = BreakerMinimumThroughput,
                    SamplingDuration = RunLength,
                    BreakDuration = RunLength,
                    StateProvider = state,
                    ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is SourceException { IsSlowness: true }),
                })
                .Build();
            return (pipeline, state);
        })).Value;

    /// <summary>Runs <paramref name="action"/> under <paramref name="purpose"/>'s retries.</summary>
    public async Task<T> ExecuteAsync<T>(ResiliencePurpose purpose, Func<CancellationToken, Task<T>> action,
        CancellationToken cancellationToken, Action<Exception, TimeSpan>? onRetry = null, bool moveOnFromSlowness = false)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OnRetry, onRetry);
        context.Properties.Set(MoveOnFromSlowness, moveOnFromSlowness);
        try
        {
            return await Pipeline(purpose).ExecuteAsync(async ctx => await action(ctx.CancellationToken).ConfigureAwait(false), context)
                .ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public Task ExecuteAsync(ResiliencePurpose purpose, Func<CancellationToken, Task> action, CancellationToken cancellationToken,
        Action<Exception, TimeSpan>? onRetry = null, bool moveOnFromSlowness = false) =>
        ExecuteAsync(purpose, async ct =>
        {
            await action(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken, onRetry, moveOnFromSlowness);

    /// <summary>Whether <paramref name="exception"/> is worth another try under <paramref name="policy"/>.</summary>
    public static bool IsTransient(Exception? exception, RetryPolicy policy) => exception switch
    {
        SourceException source => source.IsTransient && (source.RetryAfter ?? TimeSpan.Zero) <= policy.MaxRetryAfter,
        IOException or HttpRequestException => true,
        _ => false,
    };

    public void Dispose() => _pipelines.Dispose();

    private static void AddRetry(ResiliencePipelineBuilder builder, RetryPolicy policy)
    {
        if (policy.Retries <= 0)
        {
            return;
        }
        builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = policy.Retries,
            Delay = policy.Delay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome.Exception, policy)
                && !(args.Context.Properties.GetValue(MoveOnFromSlowness, false) && args.Outcome.Exception is SourceException { IsSlowness: true })),
            DelayGenerator = args => new ValueTask<TimeSpan?>((args.Outcome.Exception as SourceException)?.RetryAfter),
            OnRetry = args =>
            {
                if (args.Outcome.Exception is { } fault && args.Context.Properties.GetValue(OnRetry, null) is { } report)
                {
                    report(fault, args.RetryDelay);
                }
                return default;
            },
        });
    }
}
