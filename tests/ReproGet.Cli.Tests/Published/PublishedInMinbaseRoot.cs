using ReproGet.Core.Processes;
using ReproGet.TestKit;
using ReproGet.TestKit.Roots;

namespace ReproGet.Cli.Tests.Published;

/// <summary>
/// The shared minbase root (<see cref="MinbaseRoot"/>: no libssl, no ICU) with the published repro-get copied into
/// a work folder of this fixture's own (another test run may be using the root).
/// </summary>
public sealed class PublishedInMinbaseRoot : IAsyncLifetime
{
    private MinbaseRoot? _root;
    private string _binary = "";

    public MinbaseRoot Root => _root ?? throw new InvalidOperationException("the minbase root is not open yet");

    public async Task InitializeAsync()
    {
        _root = await MinbaseRoot.OpenAsync();
        var (inside, host) = _root.CreateWorkDirectory();
        await PublishedBinary.CopyToAsync(Path.Join(host, "repro-get"));
        _binary = inside + "/repro-get";
    }

    /// <summary>Runs the published repro-get with <paramref name="arguments"/> chrooted into the root.</summary>
    public Task<ProcessResult> RunAsync(params string[] arguments) => Chroot.RunAsync(Root.RootPath, [_binary, .. arguments]);

    public Task DisposeAsync()
    {
        // The root is reused by later runs: only this fixture's work folders go.
        _root?.Dispose();
        return Task.CompletedTask;
    }
}
