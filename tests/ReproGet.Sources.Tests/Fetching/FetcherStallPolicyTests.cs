using ReproGet.Core.Fetching;
using ReproGet.TestKit.Http;
using static ReproGet.Sources.Tests.Fetching.FetchScenario;

namespace ReproGet.Sources.Tests.Fetching;

/// <summary>
/// Issue 17.5/17.6: a stalling, trickling or silent mirror is left for the next provider at once, which resumes from
/// the bytes already held; a host slow again and again is skipped for the rest of the run; a trickle trips the
/// minimum rate and a file has a deadline.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FetcherStallPolicyTests
{
    private const int Size = 200_000;

    [Fact]
    public async Task AStallMovesOnToTheNextProviderAtOnceResumingWithRange()
    {
        await using var scenario = await StartAsync();
        var content = Content(Size);
        scenario.Server.Serve("/slow/x_1.0_all.deb", new ServedFile(content, Misbehaviour.StallMidBody));
        var hex = scenario.Server.ServeBySha256(content);
        var entry = Entry("pool/x_1.0_all.deb", content);

        var outcome = Assert.Single(await scenario.FetchAsync([entry], scenario.Server.Url("/slow/{{.Basename}}"),
            scenario.Server.Url("/sha256/{{.SHA256}}")));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Equal(scenario.Server.Url("/sha256/" + hex), outcome.Provider);
        // Not retried on the stalling mirror: one request there, then the fallback from the half already held.
        Assert.Equal(1, scenario.Server.RequestCount("/slow/x_1.0_all.deb"));
        var resumed = Assert.Single(scenario.Server.RequestsFor("/sha256/" + hex));
        Assert.Equal(($"bytes={Size / 2}-", 206), (resumed.Range, resumed.Status));
        Assert.Empty(scenario.Progress.Retries);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(ProviderFailureReason.Slow, failure.Reason);
        Assert.Contains("stalled", failure.Detail);
        Assert.Equal(Size, scenario.Progress.TransferredBytes);
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task AServerThatNeverAnswersIsNotRetriedWhenAnotherProviderRemains()
    {
        await using var scenario = await StartAsync();
        var content = Content(Size);
        scenario.Server.Serve("/silent/x_1.0_all.deb", new ServedFile(content, Misbehaviour.StallBeforeHeaders));
        scenario.Server.ServeBySha256(content);
        var entry = Entry("pool/x_1.0_all.deb", content);

        var outcome = Assert.Single(await scenario.FetchAsync([entry], FastOptions with { ConnectTimeout = TimeSpan.FromSeconds(1) },
            scenario.Server.Url("/silent/{{.Basename}}"), scenario.Server.Url("/sha256/{{.SHA256}}")));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Equal(1, scenario.Server.RequestCount("/silent/x_1.0_all.deb"));
        Assert.Contains("no response", Assert.Single(outcome.Failures).Detail);
        Assert.Empty(scenario.Progress.Retries);
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task AHostThatStallsRepeatedlyIsSkippedForTheRestOfTheRun()
    {
        await using var scenario = await StartAsync();
        // The breaker is per host: the good mirror is another server.
        await using var good = await LoopbackHttpServer.StartAsync();
        var entries = new List<ReproGet.Core.Lockfiles.LockEntry>();
        for (var i = 0; i < 12; i++)
        {
            var content = Content(Size, seed: 100 + i);
            scenario.Server.Serve($"/slow/f{i}_1.0_all.deb", new ServedFile(content, Misbehaviour.StallMidBody));
            good.Serve($"/good/f{i}_1.0_all.deb", content);
            entries.Add(Entry($"pool/f{i}_1.0_all.deb", content));
        }

        var outcomes = await scenario.FetchAsync(entries, FastOptions with { Jobs = 4, PerHost = 4 },
            scenario.Server.Url("/slow/{{.Basename}}"), good.Url("/good/{{.Basename}}"));

        Assert.All(outcomes, o => Assert.Equal(FetchStatus.Downloaded, o.Status));
        var triedOnSlowHost = Enumerable.Range(0, 12).Count(i => scenario.Server.RequestCount($"/slow/f{i}_1.0_all.deb") > 0);
        // About one parallel wave stalls; the breaker opens after three slow transfers and the rest skip the host.
        Assert.InRange(triedOnSlowHost, 3, 6);
        var skipped = outcomes.Where(o => o.Failures.Any(f => f.Reason == ProviderFailureReason.HostSkipped)).ToList();
        Assert.Equal(12 - triedOnSlowHost, skipped.Count);
        Assert.All(skipped, o => Assert.Contains("too slow repeatedly", o.Failures.Single().Detail));
        scenario.AssertCacheHoldsOnly([.. entries]);
    }

    [Fact]
    public async Task ATrickleBelowTheMinimumRateIsBrokenOff()
    {
        await using var scenario = await StartAsync();
        // 40 bytes at one per 100 ms: a byte far more often than the stall timeout, yet 10 bytes/s.
        var content = Content(40);
        scenario.Server.Serve("/trickle/x_1.0_all.deb", new ServedFile(content, Misbehaviour.Trickle));
        var entry = Entry("pool/x_1.0_all.deb", content);
        var options = FastOptions with { Retries = 0, MinimumRate = 1000, MinimumRateWindow = TimeSpan.FromSeconds(1) };

        var outcome = Assert.Single(await scenario.FetchAsync([entry], options, scenario.Server.Url("/trickle/{{.Basename}}")));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(ProviderFailureReason.Slow, failure.Reason);
        Assert.Contains("too slow", failure.Detail);
        scenario.AssertCacheHoldsOnly();
    }

    [Fact]
    public async Task AFileThatOutlivesItsDeadlineFails()
    {
        await using var scenario = await StartAsync();
        var content = Content(60);
        scenario.Server.Serve("/trickle/x_1.0_all.deb", new ServedFile(content, Misbehaviour.Trickle));
        scenario.Server.Serve("/never-reached/x_1.0_all.deb", content);
        var entry = Entry("pool/x_1.0_all.deb", content);
        var options = FastOptions with { MinimumRate = 0, FileDeadline = TimeSpan.FromSeconds(1) };

        var outcome = Assert.Single(await scenario.FetchAsync([entry], options,
            scenario.Server.Url("/trickle/{{.Basename}}"), scenario.Server.Url("/never-reached/{{.Basename}}")));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal(ProviderFailureReason.Deadline, Assert.Single(outcome.Failures).Reason);
        Assert.Equal(0, scenario.Server.RequestCount("/never-reached/x_1.0_all.deb"));
        scenario.AssertCacheHoldsOnly();
    }

    [Fact]
    public async Task ResumedBytesThatDoNotAddUpAreFetchedWholeFromTheProviderThatFinished()
    {
        await using var scenario = await StartAsync();
        var content = Content(Size);
        // The first mirror serves other bytes, and stalls half-way: the half it sent is wrong.
        scenario.Server.Serve("/liar/x_1.0_all.deb", new ServedFile(Content(Size, seed: 7), Misbehaviour.StallMidBody));
        scenario.Server.Serve("/good/x_1.0_all.deb", content);
        var entry = Entry("pool/x_1.0_all.deb", content);

        var outcome = Assert.Single(await scenario.FetchAsync([entry], scenario.Server.Url("/liar/{{.Basename}}"),
            scenario.Server.Url("/good/{{.Basename}}")));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        var requests = scenario.Server.RequestsFor("/good/x_1.0_all.deb");
        Assert.Equal([$"bytes={Size / 2}-", null], requests.Select(r => r.Range));
        scenario.AssertCacheHoldsOnly(entry);
    }
}
