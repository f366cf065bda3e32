using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Processes;

namespace ReproGet.Distros.Debian.Dpkg;

/// <summary>
/// Installs cached .deb files with dpkg in one <c>dpkg --install</c> run, so dpkg unpacks everything first and then
/// configures in dependency order. For a root other than <c>/</c> it runs the host's dpkg with <c>--root</c>:
/// dpkg then uses the root's own database and chroots into it for maintainer scripts and triggers, the files need
/// not be copied into the root, and a root that has no dpkg yet can still be filled.
/// </summary>
internal sealed class DpkgInstaller : IPackageInstaller
{
    private const int MaxReasonLines = 12;

    /// <summary>The entries whose <c>package:arch</c> is not installed and configured at the file's version.</summary>
    public Task<IReadOnlyList<LockEntry>> SelectNotInstalledAsync(DistroContext context, IReadOnlyList<LockEntry> packages,
        CancellationToken cancellationToken)
    {
        var installed = DpkgStatus.Read(context).Packages.Where(p => p.IsConfigured).ToDictionary(p => p.Key, StringComparer.Ordinal);
        IReadOnlyList<LockEntry> missing = [.. packages.Where(entry => !(entry.Package is { } file
            && installed.TryGetValue($"{file.Package}:{file.Architecture}", out var package)
            && IsSameVersion(package.Version, file.Version)))];
        return Task.FromResult(missing);
    }

    /// <summary>
    /// Pool file names leave the epoch out (<c>1:2.3-1</c> is in <c>x_2.3-1_amd64.deb</c>); <c>apt-get download</c>
    /// names keep it URL-encoded (<c>x_1%3a2.3-1_amd64.deb</c>).
    /// </summary>
    public static bool IsSameVersion(string installedVersion, string fileVersion)
    {
        var version = Uri.UnescapeDataString(fileVersion);
        return version == installedVersion || version == installedVersion[(installedVersion.IndexOf(':') + 1)..];
    }

    /// <summary>Debian packages are not signed one by one (the archive signs its indexes), so there are no auxiliary files.</summary>
    public async Task InstallAsync(DistroContext context, IReadOnlyList<CachedFile> packages, IReadOnlyList<CachedFile> auxiliary,
        CancellationToken cancellationToken)
    {
        if (packages.Count == 0)
        {
            return;
        }
        // dpkg reports files by name, so it gets readable links (<basename> -> blob) rather than bare blob paths.
        var links = Directory.CreateTempSubdirectory("repro-get-dpkg-");
        try
        {
            var arguments = new List<string>();
            if (context.Root != "/")
            {
                arguments.Add($"--root={context.Root}");
            }
            arguments.Add("--install");
            arguments.AddRange(LinkAll(links.FullName, packages));
            context.Log.Info($"running dpkg --install with {packages.Count} packages{(context.Root == "/" ? "" : $" into {context.Root}")}");
            var result = await ProcessRunner.RunAsync("dpkg", arguments, cancellationToken, throwOnFailure: false).ConfigureAwait(false);
            foreach (var line in Lines(result.StandardOutput))
            {
                context.Log.Debug($"dpkg: {line}");
            }
            if (result.ExitCode != 0)
            {
                throw new DpkgInstallException(
                    $"dpkg failed (exit code {result.ExitCode}) installing {packages.Count} packages{(context.Root == "/" ? "" : $" into {context.Root}")}: {Reason(result.StandardError)}");
            }
            foreach (var line in Lines(result.StandardError))
            {
                context.Log.Warn($"dpkg: {line}");
            }
        }
        finally
        {
            links.Delete(recursive: true);
        }
    }

    private static List<string> LinkAll(string directory, IReadOnlyList<CachedFile> packages)
    {
        var paths = new List<string>();
        var index = 0;
        foreach (var package in packages.OrderBy(p => p.Entry.Name, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, package.Entry.Basename);
            if (File.Exists(path) || Directory.Exists(path))
            {
                // Two lock lines with one base name (different pool directories): keep both, apart.
                var apart = Directory.CreateDirectory(Path.Combine(directory, (++index).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                path = Path.Combine(apart.FullName, package.Entry.Basename);
            }
            File.CreateSymbolicLink(path, package.BlobPath);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>dpkg's explanation: its error output without the closing summary, at most a dozen lines.</summary>
    private static string Reason(string standardError)
    {
        var lines = Lines(standardError).Where(l => !l.StartsWith("Errors were encountered", StringComparison.Ordinal)).ToList();
        if (lines.Count == 0)
        {
            return "(dpkg wrote no error output)";
        }
        var shown = lines.Count > MaxReasonLines ? lines[..MaxReasonLines].Append($"… ({lines.Count - MaxReasonLines} more lines)") : lines;
        return string.Join(" | ", shown);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
