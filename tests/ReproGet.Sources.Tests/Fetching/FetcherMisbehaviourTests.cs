using ReproGet.Core.Fetching;
using ReproGet.TestKit.Http;
using static ReproGet.Sources.Tests.Fetching.FetchScenario;

namespace ReproGet.Sources.Tests.Fetching;

/// <summary>
/// Each way a server can misbehave, against the real fetcher and http source: the right outcome, a clear reason,
/// nothing unverified in the cache and no temp file left.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FetcherMisbehaviourTests
{
    private const int Size = 200_000;

    private static async Task<(FetchScenario Scenario, ReproGet.Core.Lockfiles.LockEntry Entry, string Provider)> ServeAsync(
        ServedFile file)
    {
        var scenario = await StartAsync();
        scenario.Server.Serve("/pool/x.deb", file);
        return (scenario, Entry("pool/x_1.0_all.deb", file.Content), scenario.Server.Url("/pool/{{.Dpkg.Package}}.deb"));
    }

    [Fact]
    public async Task AHealthyServerIsFetchedOnceThenCached()
    {
        var (scenario, entry, provider) = await ServeAsync(new ServedFile(Content(Size)));
        await using var _ = scenario;

        var first = Assert.Single(await scenario.FetchAsync([entry], provider));
        var second = Assert.Single(await scenario.FetchAsync([entry], provider));

        Assert.Equal((FetchStatus.Downloaded, scenario.Server.Url("/pool/x.deb"), (long)Size), (first.Status, first.Provider, first.Bytes));
        Assert.Equal(FetchStatus.Cached, second.Status);
        Assert.Equal(1, scenario.Server.RequestCount("/pool/x.deb"));
        scenario.AssertCacheHoldsOnly(entry);
        Assert.Equal("x_1.0_all.deb", scenario.Cache.ReadBasename(entry.Sha256));
    }

    [Fact]
    public async Task NotFoundMovesOnToTheNextProviderAtOnce()
    {
        var (scenario, entry, provider) = await ServeAsync(new ServedFile(Content(Size), Misbehaviour.NotFound));
        await using var _ = scenario;
        var hex = scenario.Server.ServeBySha256(Content(Size));

        var outcome = Assert.Single(await scenario.FetchAsync([entry], provider, scenario.Server.Url("/sha256/{{.SHA256}}")));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Equal(scenario.Server.Url("/sha256/" + hex), outcome.Provider);
        Assert.Contains("HTTP 404", Assert.Single(outcome.Failures).ToString());
        Assert.Equal(1, scenario.Server.RequestCount("/pool/x.deb"));
        Assert.Empty(scenario.Progress.Retries);
        Assert.Single(scenario.Progress.ProviderFailures);
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task AServerErrorIsRetriedOnTheSameProvider()
    {
        var (scenario, entry, provider) = await ServeAsync(new ServedFile(Content(Size), Misbehaviour.ServerErrorThenOk) { Failures = 2 });
        await using var _ = scenario;

        var outcome = Assert.Single(await scenario.FetchAsync([entry], provider));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Equal(3, scenario.Server.RequestCount("/pool/x.deb"));
        Assert.Equal(2, scenario.Progress.Retries.Count);
        Assert.All(scenario.Progress.Retries, r => Assert.Contains("HTTP 500", r.Reason));
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task TooManyRequestsIsRetriedAfterTheDelayTheServerAsked()
    {
        var (scenario, entry, provider) = await ServeAsync(
            new ServedFile(Content(Size), Misbehaviour.TooManyRequestsThenOk) { RetryAfterSeconds = 1 });
        await using var _ = scenario;

        var outcome = Assert.Single(await scenario.FetchAsync([entry], provider));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Equal(2, scenario.Server.RequestCount("/pool/x.deb"));
        var retry = Assert.Single(scenario.Progress.Retries);
        Assert.Contains("HTTP 429", retry.Reason);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay);
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheLimitGivesUpOnThatProvider()
    {
        var (scenario, entry, provider) = await ServeAsync(
            new ServedFile(Content(Size), Misbehaviour.TooManyRequestsThenOk) { RetryAfterSeconds = 3600 });
        await using var _ = scenario;

        var outcome = Assert.Single(await scenario.FetchAsync([entry], provider));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains("HTTP 429", Assert.Single(outcome.Failures).ToString());
        Assert.Equal(1, scenario.Server.RequestCount("/pool/x.deb"));
        scenario.AssertCacheHoldsOnly();
    }

    [Fact]
    public async Task ABrokenConnectionIsResumedWithRange()
    {
        var (scenario, entry, provider) = await ServeAsync(new ServedFile(Content(Size), Misbehaviour.BreakThenResume));
        await using var _ = scenario;

        var outcome = Assert.Single(await scenario.FetchAsync([entry], provider));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        var requests = scenario.Server.RequestsFor("/pool/x.deb");
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Range);
        Assert.Equal(($"bytes={Size / 2}-", 206), (requests[1].Range, requests[1].Status));
        Assert.Equal(Size, scenario.Progress.TransferredBytes);
        Assert.Single(scenario.Progress.Retries);
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task AServerIgnoringRangeIsReadFromTheStartAgain()
    {
        var (scenario, entry, provider) = await ServeAsync(new ServedFile(Content(Size), Misbehaviour.BreakThenIgnoreRange));
        await using var _ = scenario;

        var outcome = Assert.Single(await scenario.FetchAsync([entry], provider));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Equal((long)Size, outcome.Bytes);
        var requests = scenario.Server.RequestsFor("/pool/x.deb");
        Assert.Equal(($"bytes={Size / 2}-", 200), (requests[1].Range, requests[1].Status));
        Assert.Equal(Size + (Size / 2), scenario.Progress.TransferredBytes);
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task AStallMidBodyIsBrokenOffAndResumed()
    {
        var (scenario, entry, provider) = await ServeAsync(new ServedFile(Content(Size), Misbehaviour.StallMidBody));
        await using var _ = scenario;

        var outcome = Assert.Single(await scenario.FetchAsync([entry], provider));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        var requests = scenario.Server.RequestsFor("/pool/x.deb");
        Assert.Equal(2, requests.Count);
        Assert.Equal($"bytes={Size / 2}-", requests[1].Range);
        Assert.Contains("stalled", Assert.Single(scenario.Progress.Retries).Reason);
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task AServerThatNeverAnswersIsBrokenOffAndRetried()
    {
        var (scenario, entry, provider) = await ServeAsync(new ServedFile(Content(Size), Misbehaviour.StallBeforeHeaders));
        await using var _ = scenario;

        var outcome = Assert.Single(await scenario.FetchAsync([entry], FastOptions with { ConnectTimeout = TimeSpan.FromSeconds(1) }, provider));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Equal(2, scenario.Server.RequestCount("/pool/x.deb"));
        Assert.Contains("no response", Assert.Single(scenario.Progress.Retries).Reason);
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task ATruncatedBodyFailsAfterItsRetriesAndTheNextProviderServes()
    {
        var (scenario, entry, provider) = await ServeAsync(new ServedFile(Content(Size), Misbehaviour.Truncate));
        await using var _ = scenario;
        scenario.Server.Serve("/mirror/x_1.0_all.deb", Content(Size));

        var outcome = Assert.Single(await scenario.FetchAsync([entry], provider, scenario.Server.Url("/mirror/{{.Basename}}")));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Equal(scenario.Server.Url("/mirror/x_1.0_all.deb"), outcome.Provider);
        Assert.Equal(1 + FastOptions.Retries, scenario.Server.RequestCount("/pool/x.deb"));
        var reason = Assert.Single(outcome.Failures).ToString();
        Assert.StartsWith(scenario.Server.Url("/pool/x.deb") + ": ", reason);
        Assert.Equal(1, scenario.Server.RequestCount("/mirror/x_1.0_all.deb"));
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task WrongBytesAreNeverCachedNorRetried()
    {
        var (scenario, entry, provider) = await ServeAsync(new ServedFile(Content(Size), Misbehaviour.WrongBytes));
        await using var _ = scenario;

        var outcome = Assert.Single(await scenario.FetchAsync([entry], provider));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        var reason = Assert.Single(outcome.Failures).ToString();
        Assert.Contains($"expected sha256 {entry.Sha256.Hex}", reason);
        Assert.Contains("pool/x_1.0_all.deb", reason);
        Assert.Equal(1, scenario.Server.RequestCount("/pool/x.deb"));
        scenario.AssertCacheHoldsOnly();
    }

    [Fact]
    public async Task ARedirectWithinTheServerIsFollowed()
    {
        var (scenario, entry, provider) = await ServeAsync(
            new ServedFile(Content(Size), Misbehaviour.Redirect) { Location = "/elsewhere/x.deb" });
        await using var _ = scenario;
        scenario.Server.Serve("/elsewhere/x.deb", Content(Size));

        var outcome = Assert.Single(await scenario.FetchAsync([entry], provider));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Equal(1, scenario.Server.RequestCount("/elsewhere/x.deb"));
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task ARedirectToAFileUrlIsRefused()
    {
        var (scenario, entry, provider) = await ServeAsync(new ServedFile([]));
        await using var _ = scenario;
        var local = scenario.Directory.WriteFile("secret/x.deb", Content(Size));
        scenario.Server.Serve("/pool/x.deb", new ServedFile([], Misbehaviour.Redirect) { Location = new Uri(local).AbsoluteUri });

        var outcome = Assert.Single(await scenario.FetchAsync([entry], provider));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains("refusing redirect to \"file:\"", Assert.Single(outcome.Failures).ToString());
        scenario.AssertCacheHoldsOnly();
    }
}
