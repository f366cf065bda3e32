namespace ReproGet.Sources.Oci.Tests;

public sealed class TokenCacheTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task Parallel_callers_share_one_fetch()
    {
        var cache = new TokenCache(_clock);
        var fetches = 0;
        var gate = new TaskCompletionSource();

        async Task<BearerToken> FetchAsync()
        {
            Interlocked.Increment(ref fetches);
            await gate.Task;
            return new BearerToken("t1", _clock.GetUtcNow().AddMinutes(5));
        }

        var callers = Enumerable.Range(0, 8).Select(_ => cache.GetAsync("k", FetchAsync)).ToList();
        gate.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, fetches);
        Assert.All(tokens, t => Assert.Equal("t1", t.Value));
    }

    [Fact]
    public async Task An_expired_token_is_fetched_again()
    {
        var cache = new TokenCache(_clock);
        var issued = 0;
        Task<BearerToken> Fetch() =>
            Task.FromResult(new BearerToken($"t{Interlocked.Increment(ref issued)}", _clock.GetUtcNow().AddMinutes(1)));

        var first = await cache.GetAsync("k", Fetch);
        var again = await cache.GetAsync("k", Fetch);
        _clock.Advance(TimeSpan.FromSeconds(58));
        var later = await cache.GetAsync("k", Fetch);

        Assert.Equal("t1", first.Value);
        Assert.Equal("t1", again.Value);
        Assert.Equal("t2", later.Value);
    }

    [Fact]
    public async Task A_forgotten_token_is_replaced_and_a_failed_fetch_is_not_kept()
    {
        var cache = new TokenCache(_clock);
        var first = await cache.GetAsync("k", () => Task.FromResult(new BearerToken("old", _clock.GetUtcNow().AddHours(1))));

        cache.Forget("k", first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("k", () => throw new InvalidOperationException("down")));
        var next = await cache.GetAsync("k", () => Task.FromResult(new BearerToken("new", _clock.GetUtcNow().AddHours(1))));

        Assert.Equal("new", next.Value);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
