namespace ReproGet.Cli.Tests.EndToEnd;

public sealed class HelpTests
{
    /// <summary>
    /// Walks the whole command tree as a user would, from the root's "Commands:" list down, so a command added
    /// later is checked without touching this test.
    /// </summary>
    [Fact]
    public async Task EveryCommandsHelpExitsZeroAndEveryLeafShowsAnExample()
    {
        var problems = new List<string>();
        var visited = new List<string>();
        var pending = new Queue<string[]>([[]]);
        while (pending.TryDequeue(out var path))
        {
            var name = string.Join(' ', ["repro-get", .. path]);
            visited.Add(name);
            var run = await CliRun.RunAsync([.. path, "--help"]);
            var subcommands = SubcommandsIn(run.StandardOutput).ToList();
            if (run.ExitCode != 0 || !run.StandardOutput.Contains("Usage:", StringComparison.Ordinal))
            {
                problems.Add($"{name} --help: {run}");
            }
            else if (subcommands.Count == 0 && !run.StandardOutput.Contains("Example", StringComparison.Ordinal))
            {
                problems.Add($"{name} --help has no Example");
            }
            foreach (var subcommand in subcommands)
            {
                pending.Enqueue([.. path, subcommand]);
            }
        }

        Assert.Empty(problems);
        Assert.Contains("repro-get download", visited);
        Assert.Contains("repro-get cache import", visited);
    }

    [Fact]
    public async Task RootHelpShowsAnExample()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Example", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandExitsOneAndSaysWhy()
    {
        var run = await CliRun.RunAsync("frobnicate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("frobnicate", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionPrintsTheGoToolsForm()
    {
        var run = await CliRun.RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^repro-get version \d+\.\d+\.\d+\S*\n$", run.StandardOutput);
        Assert.Equal("", run.StandardError);
    }

    // The "Commands:" section of a help text: indented names up to the next blank line.
    private static IEnumerable<string> SubcommandsIn(string help)
    {
        var lines = help.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "Commands:");
        if (start < 0)
        {
            yield break;
        }
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)))
        {
            var name = line.TrimStart().Split(' ')[0];
            if (name.Length > 0 && char.IsAsciiLetterLower(name[0]))
            {
                yield return name;
            }
        }
    }
}
