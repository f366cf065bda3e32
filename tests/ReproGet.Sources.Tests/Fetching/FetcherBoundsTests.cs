using ReproGet.Core.Fetching;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;
using static ReproGet.Sources.Tests.Fetching.FetchScenario;

namespace ReproGet.Sources.Tests.Fetching;

/// <summary>
/// Issue 17.4 and 17.7: every transfer has an upper bound (the expected size, else --max-file-size); passing it is that
/// provider's failure and the next provider is tried. file:// reads regular files only: a FIFO or a device fails at
/// once instead of hanging or filling the disk.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FetcherBoundsTests
{
    private const int Size = 100_000;

    [Fact]
    public async Task AnEndlessBodyPassesTheMaxFileSizeAndTheNextProviderServes()
    {
        await using var scenario = await StartAsync();
        var content = Content(Size);
        scenario.Server.Serve("/endless/x_1.0_all.deb", new ServedFile(Content(64 * 1024, seed: 3), Misbehaviour.Endless));
        scenario.Server.Serve("/good/x_1.0_all.deb", content);
        var entry = Entry("pool/x_1.0_all.deb", content);

        var outcome = Assert.Single(await scenario.FetchAsync([entry], FastOptions with { MaxFileSize = 1 << 20 },
            scenario.Server.Url("/endless/{{.Basename}}"), scenario.Server.Url("/good/{{.Basename}}")));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(ProviderFailureReason.TooLarge, failure.Reason);
        Assert.Contains("--max-file-size", failure.Detail);
        Assert.Equal(1, scenario.Server.RequestCount("/endless/x_1.0_all.deb"));
        // The refused bytes were dropped: the good mirror sent the whole file, not a resume after them.
        Assert.Null(Assert.Single(scenario.Server.RequestsFor("/good/x_1.0_all.deb")).Range);
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task TheExpectedSizeBoundsTheTransferAndAnotherAnnouncedSizeIsRefused()
    {
        await using var scenario = await StartAsync();
        var content = Content(Size);
        scenario.Server.Serve("/longer/x_1.0_all.deb", Content(Size + 1, seed: 5));
        scenario.Server.Serve("/endless/x_1.0_all.deb", new ServedFile(Content(1000, seed: 6), Misbehaviour.Endless));
        scenario.Server.Serve("/good/x_1.0_all.deb", content);
        var entry = Entry("pool/x_1.0_all.deb", content);

        var outcome = Assert.Single(await scenario.FetchAsync([new FetchItem(entry, Size)], null,
            scenario.Server.Url("/longer/{{.Basename}}"), scenario.Server.Url("/endless/{{.Basename}}"),
            scenario.Server.Url("/good/{{.Basename}}")));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Collection(outcome.Failures,
            f => Assert.Contains($"announces {Size + 1} bytes, the file has {Size}", f.Detail),
            f => Assert.Contains($"the expected size of {Size} bytes", f.Detail));
        Assert.All(outcome.Failures, f => Assert.Equal(ProviderFailureReason.TooLarge, f.Reason));
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task AFileProviderPointingAtADeviceOrAFifoFailsAtOnceAndTheNextServes()
    {
        await using var scenario = await StartAsync();
        var content = Content(Size);
        var fifos = scenario.Directory.Combine("fifo");
        Directory.CreateDirectory(fifos);
        RealTool.Run("mkfifo", Path.Combine(fifos, "x_1.0_all.deb"));
        var devices = scenario.Directory.Combine("dev");
        Directory.CreateDirectory(devices);
        File.CreateSymbolicLink(Path.Combine(devices, "x_1.0_all.deb"), "/dev/zero");
        scenario.Server.Serve("/good/x_1.0_all.deb", content);
        var entry = Entry("pool/x_1.0_all.deb", content);

        var outcome = Assert.Single(await scenario.FetchAsync([entry], FastOptions,
            new Uri(fifos).AbsoluteUri + "/{{.Basename}}", new Uri(devices).AbsoluteUri + "/{{.Basename}}",
            scenario.Server.Url("/good/{{.Basename}}")));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Collection(outcome.Failures,
            f => Assert.Contains("not a regular file (a FIFO)", f.Detail),
            f => Assert.Contains("not a regular file (a character device)", f.Detail));
        scenario.AssertCacheHoldsOnly(entry);
    }
}
