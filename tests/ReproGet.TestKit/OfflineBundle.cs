namespace ReproGet.TestKit;

/// <summary>
/// <c>repro-get bundle</c> of a lock, then the bundle's install.sh. The script calls the package tools by name, as on
/// the target machine; here PATH puts first one-line wrappers that add options (a test root, its keyring) to each.
/// </summary>
public static class OfflineBundle
{
    /// <param name="temp">Where the bundle, the cache it is made from and the wrappers go.</param>
    /// <param name="toolOptions">Each tool install.sh calls, with the options its wrapper adds (quoted for sh).</param>
    /// <param name="bundleOptions">More options for <c>bundle</c> (providers, <c>--keyring</c>).</param>
    public static async Task<RealTool.Result> WriteAndInstallAsync(TempDirectory temp, string distro, string provider, string lockfile,
        IReadOnlyDictionary<string, string> toolOptions, IReadOnlyList<string>? bundleOptions = null)
    {
        var bundle = temp.Combine("bundle");
        using (var write = await ReproGetProcess.RunAsync(["--distro", distro, "--cache", temp.Combine("cache"),
            "--provider", provider, "bundle", lockfile, "-o", bundle, .. bundleOptions ?? []]).ConfigureAwait(false))
        {
            if (write.ExitCode != 0)
            {
                throw new InvalidOperationException($"repro-get bundle failed: {write}");
            }
        }
        var bin = Directory.CreateDirectory(temp.Combine("bin")).FullName;
        foreach (var (tool, options) in toolOptions)
        {
            var wrapper = Path.Combine(bin, tool);
            await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec /usr/bin/{tool} {options} \"$@\"\n").ConfigureAwait(false);
            File.SetUnixFileMode(wrapper, (UnixFileMode)0b111_101_101);
        }
        return RealTool.Try("env", [$"PATH={bin}:{Environment.GetEnvironmentVariable("PATH")}", "sh", Path.Combine(bundle, "install.sh")]);
    }
}
