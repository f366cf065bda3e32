using ReproGet.Core.Processes;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.Published;

/// <summary>
/// The self-contained linux-x64 binary users ship, made by <c>scripts/publish linux-x64</c> once per test run
/// (about half a minute). <c>REPRO_GET_PUBLISHED_BINARY</c> names an already published one instead.
/// </summary>
internal static class PublishedBinary
{
    public const string EnvironmentVariable = "REPRO_GET_PUBLISHED_BINARY";

    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    public static Task<string> PathAsync() => Published.Value;

    private static async Task<string> PublishAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"{EnvironmentVariable}={given} does not exist", given);
        }
        var repository = FixturePath.RepositoryRoot;
        var script = Path.Combine(repository, "scripts", "publish");
        var result = await ProcessRunner.RunAsync(script, ["linux-x64"], CancellationToken.None, throwOnFailure: false);
        var binary = Path.Combine(repository, "artifacts", "linux-x64", "repro-get");
        if (result.ExitCode != 0 || !File.Exists(binary))
        {
            throw new InvalidOperationException($"`{result.CommandLine}` failed (exit {result.ExitCode}):\n{result.StandardError}");
        }
        return binary;
    }
}
