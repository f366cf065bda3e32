using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.EndToEnd;

/// <summary>
/// Runs the built <c>repro-get</c> against a private cache with the <c>none</c> distro, so no test depends on this
/// machine's /var/cache or os-release.
/// </summary>
internal static class CliRun
{
    public static Task<ReproGetProcess> InCacheAsync(string cache, params string[] arguments) =>
        ReproGetProcess.RunAsync(["--cache", cache, "--distro", "none", .. arguments]);

    public static Task<ReproGetProcess> RunAsync(params string[] arguments) => ReproGetProcess.RunAsync(arguments);
}
