using ReproGet.Core.Distros;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests;

/// <summary>A system root in a temp directory with the files a dpkg/apt system has: status, lists, sources.</summary>
internal sealed class DebianRoot : IDisposable
{
    private readonly TempDirectory _directory = new();

    public string Path => _directory.Path;

    public RecordingLog Log { get; } = new();

    private readonly Lazy<Core.Cache.CacheAccess?> _cache;

    public DebianRoot() => _cache = new(() => CacheRoot is null ? null : new Core.Cache.CacheAccess(CacheRoot));

    /// <summary>The content cache the locker may write into (chain files); null = none.</summary>
    public string? CacheRoot { get; init; }

    /// <summary>The run's clock; null = the system's.</summary>
    public TimeProvider? Time { get; init; }

    public DistroContext Context => new(Path, Log) { Cache = _cache.Value, Time = Time ?? TimeProvider.System };

    public DebianRoot WithStatus(string text) => WithFile("var/lib/dpkg/status", text);

    /// <summary>Installed packages as dpkg-query prints them: <c>name,version,arch</c> lines (state "installed").</summary>
    public DebianRoot WithInstalled(params string[] packages) => WithStatus(string.Concat(packages.Select(p =>
    {
        var fields = p.Split(',');
        return $"Package: {fields[0]}\nStatus: install ok {(fields.Length > 3 ? fields[3] : "installed")}\nVersion: {fields[1]}\nArchitecture: {fields[2]}\n\n";
    })));

    /// <summary>An apt list, compressed with the real tool for <paramref name="suffix"/> as apt would store it.</summary>
    public DebianRoot WithList(string fileName, byte[] plain, string suffix = "")
    {
        _directory.WriteFile("var/lib/apt/lists/" + fileName + suffix, RealTool.Compress(suffix, plain));
        return this;
    }

    public DebianRoot WithList(string fileName, string plain, string suffix = "") =>
        WithList(fileName, System.Text.Encoding.UTF8.GetBytes(plain), suffix);

    public DebianRoot WithFile(string relativePath, string text)
    {
        _directory.WriteFile(relativePath, text);
        return this;
    }

    public DebianRoot WithBytes(string relativePath, byte[] bytes)
    {
        _directory.WriteFile(relativePath, bytes);
        return this;
    }

    public void Dispose()
    {
        if (_cache.IsValueCreated)
        {
            _cache.Value?.Dispose();
        }
        _directory.Dispose();
    }
}
