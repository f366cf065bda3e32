using Polly;
using Polly.Retry;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Fetching;

/// <summary>
/// Retries one transfer on the same source after a transient fault, with exponential backoff and jitter, or the
/// delay the server asked for (Retry-After). Falling back to the next provider is the fetcher's loop, not this;
/// a digest mismatch is never retried here.
/// </summary>
internal sealed class TransferRetry(FetchOptions options, IFetchProgress progress)
{
    private static readonly ResiliencePropertyKey<(LockEntry Entry, string Url)> Subject = new("repro-get.subject");

    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.Retries),
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome.Exception, options)),
            DelayGenerator = args => new ValueTask<TimeSpan?>((args.Outcome.Exception as SourceException)?.RetryAfter),
            OnRetry = args =>
            {
                var (entry, url) = args.Context.Properties.GetValue(Subject, default);
                progress.Retrying(entry, url, args.Outcome.Exception?.Message ?? "failed", args.RetryDelay);
                return default;
            },
        })
        .Build();

    public async Task ExecuteAsync(LockEntry entry, string redactedUrl, Func<CancellationToken, Task> transfer,
        CancellationToken cancellationToken)
    {
        if (options.Retries <= 0)
        {
            await transfer(cancellationToken).ConfigureAwait(false);
            return;
        }
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Subject, (entry, redactedUrl));
        try
        {
            await _pipeline.ExecuteAsync(async ctx => await transfer(ctx.CancellationToken).ConfigureAwait(false), context)
                .ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsTransient(Exception? exception, FetchOptions options) => exception switch
    {
        SourceException source => source.IsTransient && (source.RetryAfter ?? TimeSpan.Zero) <= options.MaxRetryAfter,
        IOException or HttpRequestException => true,
        _ => false,
    };
}
