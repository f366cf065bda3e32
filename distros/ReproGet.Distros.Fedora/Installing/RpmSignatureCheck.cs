using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Processes;

namespace ReproGet.Distros.Fedora.Installing;

/// <summary>
/// Checks package files with <c>rpmkeys --checksig</c> against the keys imported into the root's rpm database.
/// A valid signature is required: on an unsigned file plain <c>--checksig</c> prints "digests OK" and exits 0 (the
/// Go tool let those through), so <c>_pkgverify_level all</c> is set and the "signatures OK" verdict is demanded.
/// </summary>
public static class RpmSignatureCheck
{
    public static async Task VerifyAllAsync(DistroContext context, IReadOnlyList<(string Name, string Path)> files,
        CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var (name, path) in files)
        {
            var result = await ProcessRunner.RunAsync("rpmkeys",
                ["--root", context.Root, "--define", "_pkgverify_level all", "--checksig", path],
                cancellationToken, throwOnFailure: false).ConfigureAwait(false);
            var verdict = Verdict(result.StandardOutput, path);
            if (result.ExitCode != 0 || !verdict.Contains("signatures OK", StringComparison.Ordinal))
            {
                failures.Add($"{name}: {(verdict.Length > 0 ? verdict : result.StandardError.Trim())}");
            }
        }
        if (failures.Count > 0)
        {
            throw new ReproGetException(
                $"{failures.Count} of {files.Count} packages have no valid signature from a key imported into the rpm database "
                + $"of \"{context.Root}\"; nothing was installed:\n  " + string.Join("\n  ", failures),
                $"import the packager's key (`rpm --root {context.Root} --import KEY.asc`); unsigned files (Koji's build "
                + "outputs) are refused");
        }
    }

    // rpmkeys prints "<path>: digests signatures OK" (or "… SIGNATURES NOT OK", or "digests OK" when unsigned).
    private static string Verdict(string output, string path)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(path + ":", StringComparison.Ordinal)) ?? "";
        return line.Length == 0 ? "" : line[(path.Length + 1)..].Trim();
    }
}
