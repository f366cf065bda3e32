using ReproGet.Core.Fetching;
using ReproGet.TestKit.Http;
using static ReproGet.Sources.Tests.Fetching.FetchScenario;

namespace ReproGet.Sources.Tests.Fetching;

/// <summary>Providers in order per entry: declining, dead hosts, other schemes, and the report when all fail.</summary>
[Trait("Category", "Integration")]
public sealed class FetcherProviderTests
{
    [Fact]
    public async Task WhenEveryProviderFailsEachReasonIsListedInOrder()
    {
        await using var scenario = await StartAsync();
        var content = Content(5000);
        var entry = Entry("pool/x_1.0_all.deb", content);
        scenario.Server.Serve("/wrong/x_1.0_all.deb", new ServedFile(content, Misbehaviour.WrongBytes));

        var outcome = Assert.Single(await scenario.FetchAsync([entry],
            "http://gateway.invalid/ipfs/{{.CID}}",
            scenario.Server.Url("/missing/{{.Basename}}"),
            scenario.Server.Url("/wrong/{{.Basename}}"),
            "ftp://mirror.invalid/{{.Name}}"));

        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Collection(outcome.Failures.Select(f => f.ToString()),
            r => Assert.Equal($"http://gateway.invalid/ipfs/{{{{.CID}}}}: skipped, no CID is known for sha256 {entry.Sha256.Hex}", r),
            r => Assert.Contains("/missing/x_1.0_all.deb: GET", r),
            r => Assert.Contains("expected sha256", r),
            r => Assert.Contains("unsupported URL scheme \"ftp\"", r));
        Assert.Equal([ProviderFailureReason.NotApplicable, ProviderFailureReason.HttpStatus, ProviderFailureReason.DigestMismatch,
            ProviderFailureReason.Other], outcome.Failures.Select(f => f.Reason));
        var status = Assert.IsType<ReproGet.Core.Errors.HttpStatusException>(outcome.Failures[1].Error);
        Assert.Equal(("GET", 404), (status.Method, status.Status));
        var mismatch = Assert.IsType<ReproGet.Core.Errors.DigestMismatchException>(outcome.Failures[2].Error);
        Assert.Equal(entry.Sha256, mismatch.Expected);
        Assert.NotEqual(entry.Sha256, mismatch.Actual);
        scenario.AssertCacheHoldsOnly();
    }

    [Fact]
    public async Task AProviderThatCannotRenderIsSkippedForThatEntryOnly()
    {
        // Go repro-get aborted the whole run when a {{.CID}} provider met an entry without a CID.
        await using var scenario = await StartAsync();
        var withCid = Entry("a.txt", Content(100, seed: 1)) with { Cid = "QmA" };
        var withoutCid = Entry("b.txt", Content(100, seed: 2));
        scenario.Server.Serve("/ipfs/QmA", Content(100, seed: 1));
        scenario.Server.Serve("/files/b.txt", Content(100, seed: 2));

        var outcomes = await scenario.FetchAsync([withCid, withoutCid],
            scenario.Server.Url("/ipfs/{{.CID}}"), scenario.Server.Url("/files/{{.Name}}"));

        Assert.Equal([FetchStatus.Downloaded, FetchStatus.Downloaded], outcomes.Select(o => o.Status));
        Assert.Equal(scenario.Server.Url("/ipfs/QmA"), outcomes[0].Provider);
        Assert.Contains("skipped, no CID", Assert.Single(outcomes[1].Failures).ToString());
        scenario.AssertCacheHoldsOnly(withCid, withoutCid);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task ADeadHostIsTriedOncePerRunThenSkipped(int jobs)
    {
        // With parallel jobs too: until a host has answered once, only one transfer goes to it.
        await using var scenario = await StartAsync();
        var entries = Enumerable.Range(0, 20).Select(i => Entry($"f{i}.txt", Content(1000, seed: i))).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            scenario.Server.Serve($"/files/f{i}.txt", Content(1000, seed: i));
        }
        var dead = $"http://127.0.0.1:{await ClosedPortAsync()}";

        var outcomes = await scenario.FetchAsync(entries, FastOptions with { Jobs = jobs }, dead + "/{{.Name}}",
            scenario.Server.Url("/files/{{.Name}}"));

        Assert.All(outcomes, o => Assert.Equal(FetchStatus.Downloaded, o.Status));
        var tried = Assert.Single(scenario.Progress.ProviderFailures);
        Assert.StartsWith(dead, tried.Url);
        Assert.Empty(scenario.Progress.Retries);
        Assert.Equal(entries.Count - 1, outcomes.Count(o => o.Failures.Single().Detail.Contains("skipped, host unreachable earlier in this run", StringComparison.Ordinal)));
        scenario.AssertCacheHoldsOnly([.. entries]);
    }

    [Fact]
    public async Task FileProvidersReadLocalMirrors()
    {
        await using var scenario = await StartAsync();
        var content = Content(70_000);
        var entry = Entry("pool/main/x/x_1.0_all.deb", content);
        var mirror = scenario.Directory.Combine("mirror");
        scenario.Directory.WriteFile("mirror/pool/main/x/x_1.0_all.deb", content);

        var outcome = Assert.Single(await scenario.FetchAsync([entry], "file://" + mirror + "/{{.Name}}"));

        Assert.Equal((FetchStatus.Downloaded, 70_000L), (outcome.Status, outcome.Bytes));
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task ManyFilesWithMixedFaultsAllArriveIntact()
    {
        await using var scenario = await StartAsync();
        Misbehaviour[] faults = [Misbehaviour.None, Misbehaviour.ServerErrorThenOk, Misbehaviour.BreakThenResume,
            Misbehaviour.BreakThenIgnoreRange, Misbehaviour.TooManyRequestsThenOk];
        var entries = new List<ReproGet.Core.Lockfiles.LockEntry>();
        for (var i = 0; i < 20; i++)
        {
            var content = Content(50_000 + (i * 1000), seed: i);
            scenario.Server.Serve($"/files/f{i:00}.bin",
                new ServedFile(content, faults[i % faults.Length]) { RetryAfterSeconds = 0 });
            entries.Add(Entry($"f{i:00}.bin", content));
        }

        var outcomes = await scenario.FetchAsync(entries, scenario.Server.Url("/files/{{.Name}}"));

        Assert.All(outcomes, o => Assert.Equal(FetchStatus.Downloaded, o.Status));
        Assert.Equal(entries, outcomes.Select(o => o.Entry));
        scenario.AssertCacheHoldsOnly([.. entries]);
    }

    // A port that was free a moment ago: connecting to it is refused.
    private static async Task<int> ClosedPortAsync()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        return new Uri(server.BaseUrl).Port;
    }
}
