using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ReproGet.TestKit;
using Xunit.Sdk;

namespace ReproGet.Sources.Ipfs.Tests.Support;

/// <summary>
/// A real IPFS node (js-ipfs from npm, installed by scripts/bootstrap) on 127.0.0.1 with a fresh repo, started and
/// stopped by the project's own script tests/ipfs-node/ipfs-node. Missing install fails the test, never skips it.
/// </summary>
public sealed class IpfsNode : IAsyncLifetime
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _directory = new();

    public string ApiUrl { get; private set; } = "";

    public string GatewayUrl { get; private set; } = "";

    public string Repo => _directory.Combine("repo");

    /// <summary>Where the npm packages are (node_modules), for the ipfs-only-hash oracle.</summary>
    public string NodeDirectory { get; private set; } = "";

    public static string Script => Path.Combine(FixturePath.RepositoryRoot, "tests", "ipfs-node", "ipfs-node");

    public async Task InitializeAsync()
    {
        NodeDirectory = (await RunScriptAsync("dir", [], TimeSpan.FromSeconds(10))).Trim();
        if (!File.Exists(Path.Combine(NodeDirectory, "node_modules", ".bin", "jsipfs")))
        {
            throw new XunitException($"the IPFS test node is not installed in {NodeDirectory}: install it via scripts/bootstrap "
                + "(it runs tests/ipfs-node/ipfs-node install)");
        }
        var api = FreePort();
        var gateway = FreePort();
        await RunScriptAsync("start", [("IPFS_API_PORT", api), ("IPFS_GATEWAY_PORT", gateway)], StartLimit);
        ApiUrl = $"http://127.0.0.1:{api}";
        GatewayUrl = $"http://127.0.0.1:{gateway}";
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunScriptAsync("stop", [], TimeSpan.FromSeconds(30));
        }
        finally
        {
            _directory.Dispose();
        }
    }

    private async Task<string> RunScriptAsync(string command, IEnumerable<(string Name, string Value)> environment, TimeSpan limit)
    {
        var info = new ProcessStartInfo(Script, command) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["IPFS_REPO"] = Repo;
        info.Environment["IPFS_START_TIMEOUT"] = ((int)StartLimit.TotalSeconds - 10).ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new XunitException($"ipfs-node {command} did not finish within {limit.TotalSeconds} s: {await stderr}");
        }
        return process.ExitCode == 0
            ? await stdout
            : throw new XunitException($"ipfs-node {command} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
