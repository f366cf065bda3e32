using ReproGet.Core.Processes;

namespace ReproGet.TestKit;

/// <summary>
/// The self-contained linux-x64 repro-get users ship. <c>REPRO_GET_PUBLISHED_BINARY</c> names an already published
/// one; otherwise <c>scripts/publish linux-x64</c> makes it once per test process (about half a minute).
/// </summary>
public static class PublishedBinary
{
    public const string EnvironmentVariable = "REPRO_GET_PUBLISHED_BINARY";

    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    /// <summary>
    /// Copies the binary to <paramref name="destination"/>. A copy of the caller's own: another test project may
    /// publish again while this one runs, and artifacts/ would then hold other bytes than the ones tested.
    /// </summary>
    public static async Task CopyToAsync(string destination)
    {
        var binary = await Published.Value.ConfigureAwait(false);
        File.Copy(binary, destination, overwrite: true);
    }

    private static async Task<string> PublishAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"{EnvironmentVariable}={given} does not exist", given);
        }
        var repository = FixturePath.RepositoryRoot;
        var script = Path.Combine(repository, "scripts", "publish");
        var result = await ProcessRunner.RunAsync(script, ["linux-x64"], CancellationToken.None, throwOnFailure: false).ConfigureAwait(false);
        var binary = Path.Combine(repository, "artifacts", "linux-x64", "repro-get");
        if (result.ExitCode != 0 || !File.Exists(binary))
        {
            throw new InvalidOperationException($"`{result.CommandLine}` failed (exit {result.ExitCode}):\n{result.StandardError}");
        }
        return binary;
    }
}
