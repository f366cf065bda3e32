using Microsoft.Extensions.Time.Testing;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Resilience;

namespace ReproGet.Sources.Tests.Resilience;

/// <summary>
/// Issue 13.4: one registry builds every retry pipeline; Retry-After and its cap hold for every purpose, Retries=0 means
/// one try, and the waits run on the injected clock: these tests advance a FakeTimeProvider and never sleep.
/// </summary>
public sealed class ResilienceRegistryTests
{
    private static readonly RetryPolicy Policy = new(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    private static SourceException Busy(int seconds) =>
        new("GET http://mirror/x: HTTP 429", isTransient: true, retryAfter: TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData(ResiliencePurpose.Transfer)]
    [InlineData(ResiliencePurpose.Push)]
    [InlineData(ResiliencePurpose.Token)]
    public async Task EveryPurposeWaitsTheRetryAfterTheServerAsked(ResiliencePurpose purpose)
    {
        var clock = new FakeTimeProvider();
        var registry = new ResilienceRegistry(clock, Policy, Policy, Policy);
        var attempts = 0;
        var delays = new List<TimeSpan>();

        var run = registry.ExecuteAsync(purpose, _ => ++attempts == 1 ? throw Busy(30) : Task.FromResult(attempts),
            CancellationToken.None, onRetry: (_, delay) => delays.Add(delay));

        Assert.Equal(1, attempts);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(run.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([TimeSpan.FromSeconds(30)], delays);
    }

    [Theory]
    [InlineData(ResiliencePurpose.Transfer)]
    [InlineData(ResiliencePurpose.Push)]
    public async Task ARetryAfterBeyondTheCapIsNotWaitedFor(ResiliencePurpose purpose)
    {
        var registry = new ResilienceRegistry(new FakeTimeProvider(), Policy, Policy);
        var attempts = 0;

        await Assert.ThrowsAsync<SourceException>(() =>
            registry.ExecuteAsync(purpose, _ => { attempts++; throw Busy(3600); }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Theory]
    [InlineData(ResiliencePurpose.Transfer)]
    [InlineData(ResiliencePurpose.Push)]
    public async Task NoRetriesMeansOneTry(ResiliencePurpose purpose)
    {
        var none = Policy with { Retries = 0 };
        var registry = new ResilienceRegistry(new FakeTimeProvider(), none, none);
        var attempts = 0;

        await Assert.ThrowsAsync<SourceException>(() =>
            registry.ExecuteAsync(purpose, _ => { attempts++; throw Busy(0); }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task BackoffIsExponentialOnTheInjectedClock()
    {
        var clock = new FakeTimeProvider();
        var registry = new ResilienceRegistry(clock, Policy with { Retries = 2 });
        var attempts = 0;
        var delays = new List<TimeSpan>();

        var run = registry.ExecuteAsync(ResiliencePurpose.Transfer,
            _ => ++attempts <= 2 ? throw new IOException("reset") : Task.FromResult(attempts),
            CancellationToken.None, onRetry: (_, delay) => delays.Add(delay));
        for (var i = 0; i < 20 && !run.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        Assert.Equal(3, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, delays.Count);
        Assert.True(delays[1] > TimeSpan.Zero);
    }

    [Fact]
    public async Task ASlowSourceIsNotRetriedWhenTheCallerCanMoveOn()
    {
        var registry = new ResilienceRegistry(new FakeTimeProvider(), Policy);
        var attempts = 0;
        var stalled = new SourceException("stalled", isTransient: true) { Kind = SourceFailureKind.Stalled };

        await Assert.ThrowsAsync<SourceException>(() => registry.ExecuteAsync(ResiliencePurpose.Transfer,
            _ => { attempts++; throw stalled; }, CancellationToken.None, moveOnFromSlowness: true));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task TheMinimumRateIsMeasuredOnTheInjectedClock()
    {
        var clock = new FakeTimeProvider();
        using var trickle = new StallDetectingStream(new MemoryStream(new byte[100]), TimeSpan.FromMinutes(1), "x",
            minimumRate: 10, rateWindow: TimeSpan.FromSeconds(30), time: clock);
        var one = new byte[1];

        Assert.Equal(1, await trickle.ReadAsync(one));
        clock.Advance(TimeSpan.FromSeconds(31));
        var error = await Assert.ThrowsAsync<SourceException>(async () => await trickle.ReadExactlyAsync(one));

        Assert.Equal(SourceFailureKind.TooSlow, error.Kind);
        Assert.Contains("too slow, 2 bytes in 31 s", error.Message);
    }
}
