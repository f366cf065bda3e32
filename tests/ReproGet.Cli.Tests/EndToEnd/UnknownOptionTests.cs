using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.EndToEnd;

/// <summary>An option a command does not define is named as an unknown option, with the command's --help.</summary>
public sealed class UnknownOptionTests
{
    [Fact]
    public async Task AnUnknownOptionBeforePackageNamesIsNotTakenForAPackage()
    {
        using var temp = new TempDirectory();

        // (--snapshot-base, the example, is a real option of hash generate now.)
        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "hash", "generate", "--snapshot-bass", "X");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.StandardOutput);
        Assert.Contains("unknown option \"--snapshot-bass\" for `repro-get hash generate`", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("repro-get hash generate --help", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("package name", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOptionAfterALockfileIsNotTakenForALockfile()
    {
        using var temp = new TempDirectory();
        var lockfile = temp.WriteFile("SHA256SUMS", DebFixture.Hello.LockLine);

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "download", lockfile, "--no-such-option", "X");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unknown option \"--no-such-option\" for `repro-get download`", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read lockfile", run.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("cache")), "nothing runs when the command line is wrong");
    }

    [Fact]
    public async Task AnUnknownOptionOfACommandWithoutArgumentsIsNamedToo()
    {
        var run = await CliRun.RunAsync("info", "--jason");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unknown option \"--jason\" for `repro-get info`", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArgumentThatStartsWithADashCanFollowTheDoubleDash()
    {
        using var temp = new TempDirectory();
        var lockfile = temp.WriteFile("-SHA256SUMS", DebFixture.Hello.LockLine);

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "hash", "inspect", "--", "-SHA256SUMS");

        // Not an unknown option: the lockfile is looked for (relative to the working directory, where it is not).
        Assert.DoesNotContain("unknown option", run.StandardError, StringComparison.Ordinal);
        Assert.True(File.Exists(lockfile));
    }

    [Fact]
    public async Task KnownOptionsAndTheirValuesPass()
    {
        using var temp = new TempDirectory();
        var lockfile = temp.WriteFile("SHA256SUMS", DebFixture.Hello.LockLine);

        var run = await CliRun.InCacheAsync(temp.Combine("cache"), "--debug", "hash", "inspect", lockfile);

        Assert.True(run.ExitCode == 0, run.ToString());
    }
}
