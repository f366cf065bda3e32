using ReproGet.Core.Distros;
using ReproGet.Core.Operations.Locking;
using ReproGet.Distros.Debian.Dpkg;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Integration;

/// <summary>
/// The oracle: for every installed package of this machine, the lock line equals what apt itself reports for that
/// exact version (<c>apt-cache show PKG:ARCH=VERSION</c>), with this machine's real lists recompressed as lz4 and as
/// gzip in a copy of the root, and apt pointed at the same copy.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AptCacheOracleTests
{
    private const string HostLists = "/var/lib/apt/lists";

    [Theory]
    [InlineData(".lz4")]
    [InlineData(".gz")]
    public async Task LocksWhatAptCacheReportsForEveryInstalledPackage(string suffix)
    {
        using var root = CopyOfThisMachine(suffix);

        var locked = await new DebianDistro().Locker.LockAsync(root.Context, new LockRequest([], AllowMissing: true), CancellationToken.None);

        var (expected, missing) = AskApt(root);
        Assert.True(expected.Count > 100, $"apt knows only {expected.Count} installed versions: too few for a meaningful oracle");
        Assert.Equal(expected.Order(StringComparer.Ordinal), locked.Select(f => $"{f.Sha256.Hex}  {f.Name}").Order(StringComparer.Ordinal));
        Assert.Equal(missing.Order(StringComparer.Ordinal),
            root.Log.Debugs.Where(d => d.Contains(": left out", StringComparison.Ordinal))
                .Select(d => d[..d.IndexOf(": left out", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        // However many are missing, one warning line says so (the full list is under --debug).
        Assert.Equal(missing.Count == 0 ? 0 : 1, root.Log.Warnings.Count);
    }

    /// <summary>A root with this machine's dpkg status, apt sources and lists (recompressed by the real tools).</summary>
    private static DebianRoot CopyOfThisMachine(string suffix)
    {
        var lists = Directory.Exists(HostLists) ? Directory.GetFiles(HostLists, "*_Packages*") : [];
        if (lists.Length == 0)
        {
            RealTool.Run("apt-get", "update");
            lists = Directory.GetFiles(HostLists, "*_Packages*");
        }
        var root = new DebianRoot().WithStatus(File.ReadAllText(DpkgStatus.StatusPath));
        var sourceFiles = Directory.Exists("/etc/apt/sources.list.d") ? Directory.GetFiles("/etc/apt/sources.list.d") : [];
        foreach (var source in sourceFiles.Append("/etc/apt/sources.list").Where(File.Exists))
        {
            root.WithFile(source.TrimStart('/'), File.ReadAllText(source));
        }
        foreach (var release in Directory.GetFiles(HostLists, "*Release"))
        {
            root.WithFile(release.TrimStart('/'), File.ReadAllText(release));
        }
        foreach (var list in lists)
        {
            // apt's own decompression, so the oracle side does not rely on our decoders.
            var plain = RealTool.RunBytes("/usr/lib/apt/apt-helper", ["cat-file", list]).StandardOutput;
            var name = Path.GetFileName(list);
            root.WithList(name[..(name.IndexOf("_Packages", StringComparison.Ordinal) + "_Packages".Length)], plain, suffix);
        }
        return root;
    }

    /// <summary>
    /// apt-cache's answer for every package dpkg has files of: the first stanza with a Filename per
    /// <c>pkg:arch=version</c>, and the versions it knows only from dpkg's status (no Filename).
    /// </summary>
    private static (List<string> Expected, List<string> Missing) AskApt(DebianRoot root)
    {
        var admindir = root.Context.RootPath("/var/lib/dpkg");
        var keys = RealTool.Run("dpkg-query", $"--admindir={admindir}", "-W", "-f", "${db:Status-Status} ${Package}:${Architecture}=${Version}\n")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .Where(f => f[0] is "installed" or "triggers-pending" or "triggers-awaited" or "half-configured" or "unpacked")
            .Select(f => f[1])
            .ToList();
        var output = RealTool.Run("apt-cache", ["-o", $"Dir={root.Path}", "-o", "Dir::Cache::pkgcache=", "-o", "Dir::Cache::srcpkgcache=", "show", .. keys]);
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stanza in output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = stanza.Split('\n').Where(l => l.Length > 0 && l[0] != ' ' && l.Contains(": ", StringComparison.Ordinal))
                .Select(l => l.Split(": ", 2)).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1]);
            var key = $"{fields["Package"]}:{fields["Architecture"]}={fields["Version"]}";
            if (fields.TryGetValue("Filename", out var filename) && !lines.ContainsKey(key))
            {
                lines[key] = $"{fields["SHA256"]}  {filename}";
            }
        }
        return ([.. lines.Values.Distinct()], [.. keys.Where(k => !lines.ContainsKey(k))]);
    }
}
