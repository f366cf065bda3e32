using System.Diagnostics;
using System.Text.Json;
using Xunit.Sdk;

namespace ReproGet.Sources.Ipfs.Tests.Support;

/// <summary>
/// Independent CID calculators: Debian's <c>ipfs_cid</c> (package ipfs-cid: CIDv0, and that root as a base32 CIDv1) and
/// npm's ipfs-only-hash run by node (any layout, including Kubo's raw-leaf CIDv1).
/// </summary>
public static class CidOracles
{
    public static async Task<(string V0, string V1DagPbLeaves)> IpfsCidAsync(string file)
    {
        var output = await RunAsync("ipfs_cid", [file], null, "install ipfs-cid via scripts/bootstrap");
        using var json = JsonDocument.Parse(output);
        return (json.RootElement.GetProperty("CIDv0").GetString()!, json.RootElement.GetProperty("CIDv1").GetString()!);
    }

    /// <summary>ipfs-only-hash with <c>{cidVersion, rawLeaves}</c>; v1 answers are re-encoded in base32 by the script.</summary>
    public static async Task<string> OnlyHashAsync(string nodeDirectory, string file, int cidVersion, bool rawLeaves)
    {
        var script = $$"""
            const Hash = require('ipfs-only-hash')
            const fs = require('fs')
            Hash.of(fs.readFileSync(process.argv[1]), { cidVersion: {{cidVersion}}, rawLeaves: {{(rawLeaves ? "true" : "false")}} })
              .then(cid => console.log(cid), e => { console.error(e); process.exit(1) })
            """;
        if (!Directory.Exists(Path.Combine(nodeDirectory, "node_modules", "ipfs-only-hash")))
        {
            throw new XunitException($"ipfs-only-hash is not installed in {nodeDirectory}: install it via scripts/bootstrap");
        }
        return (await RunAsync("node", ["-e", script, file], nodeDirectory, "install nodejs via scripts/bootstrap")).Trim();
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string? directory, string hint)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (directory is not null)
        {
            info.WorkingDirectory = directory;
            info.Environment["NODE_PATH"] = Path.Combine(directory, "node_modules");
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new XunitException($"{program} is not available ({e.Message}): {hint}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0 ? await stdout : throw new XunitException($"{program} failed ({process.ExitCode}): {await stderr}");
        }
    }
}
