using ReproGet.Core.Fetching;
using ReproGet.TestKit.Http;
using static ReproGet.Sources.Tests.Fetching.FetchScenario;

namespace ReproGet.Sources.Tests.Fetching;

/// <summary>
/// Issue 17.8: a killed run leaves its temp file behind, unlocked. The next run tells it from a live transfer (whose
/// file is locked), resumes it with Range, and removes orphans nobody wants; a live transfer's file is left alone.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FetcherOrphanTests
{
    private const int Size = 200_000;

    [Fact]
    public async Task AnOrphanedDownloadIsResumedWithRange()
    {
        await using var scenario = await StartAsync();
        var content = Content(Size);
        scenario.Server.Serve("/pool/x_1.0_all.deb", content);
        var entry = Entry("pool/x_1.0_all.deb", content);
        var orphan = Path.Combine(scenario.Cache.BlobDirectory, $".download-{entry.Sha256.Hex}-{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(orphan, content[..(Size / 4)]);

        var outcome = Assert.Single(await scenario.FetchAsync([entry], scenario.Server.Url("/pool/{{.Basename}}")));

        Assert.Equal(FetchStatus.Downloaded, outcome.Status);
        Assert.Equal($"bytes={Size / 4}-", Assert.Single(scenario.Server.RequestsFor("/pool/x_1.0_all.deb")).Range);
        Assert.False(File.Exists(orphan));
        scenario.AssertCacheHoldsOnly(entry);
    }

    [Fact]
    public async Task ALiveTransfersFileIsNotTakenOverAndOldOrphansAreRemoved()
    {
        await using var scenario = await StartAsync();
        var content = Content(Size);
        scenario.Server.Serve("/pool/x_1.0_all.deb", content);
        var entry = Entry("pool/x_1.0_all.deb", content);
        var live = Path.Combine(scenario.Cache.BlobDirectory, $".download-{entry.Sha256.Hex}-{Guid.NewGuid():N}.tmp");
        var stale = Path.Combine(scenario.Cache.BlobDirectory, $".download-{new string('a', 64)}-{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(stale, [1, 2, 3]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        // Another transfer holds this one: FileShare.None is flock(LOCK_EX), as the fetcher's own temp files hold.
        await using (var held = new FileStream(live, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
        {
            held.Write(content[..(Size / 2)]);
            held.Flush();
            File.SetLastWriteTimeUtc(live, DateTime.UtcNow.AddHours(-2));

            var outcome = Assert.Single(await scenario.FetchAsync([entry], scenario.Server.Url("/pool/{{.Basename}}")));

            Assert.Equal(FetchStatus.Downloaded, outcome.Status);
            Assert.Null(Assert.Single(scenario.Server.RequestsFor("/pool/x_1.0_all.deb")).Range);
            Assert.True(File.Exists(live));
            Assert.False(File.Exists(stale));
        }
        File.Delete(live);
        scenario.AssertCacheHoldsOnly(entry);
    }
}
