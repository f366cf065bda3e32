using System.Globalization;
using ReproGet.Core.Processes;
using ReproGet.TestKit;

namespace ReproGet.Core.Tests.Processes;

/// <summary>A run cancelled (SIGTERM to repro-get) while a package tool runs stops the tool too, instead of leaving it behind.</summary>
public sealed class ProcessRunnerCancellationTests
{
    [Fact]
    public async Task A_cancelled_run_stops_its_child()
    {
        using var temp = new TempDirectory();
        var pidFile = temp.Combine("pid");
        using var cancel = new CancellationTokenSource();
        var run = ProcessRunner.RunAsync("sh", ["-c", $"echo $$ > {pidFile}; exec sleep 300"], cancel.Token);
        while (!File.Exists(pidFile) || File.ReadAllText(pidFile).Length == 0)
        {
            await Task.Delay(20);
        }
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal),
            "the child still runs");
    }
}
