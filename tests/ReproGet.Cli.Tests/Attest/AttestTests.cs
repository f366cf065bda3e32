using System.Text;
using System.Text.Json;
using ReproGet.Cli.Tests.EndToEnd;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Cli.Tests.Attest;

/// <summary>
/// Three build workers make the same offline bundle from the same lock and attest it with their own keys; `attest verify`
/// compares them. The envelopes are also checked by an independent implementation (python3-securesystemslib).
/// </summary>
[Trait("Category", "Integration")]
public sealed class AttestTests
{
    private static readonly string[] BundleOutputs = ["install.sh", "bundle.sha256", "files.list"];

    private sealed class Workers : IAsyncDisposable
    {
        public TempDirectory Temp { get; } = new();

        public LoopbackHttpServer Server { get; private init; } = null!;

        public string Lock { get; private set; } = "";

        public static async Task<Workers> StartAsync()
        {
            var server = await LoopbackHttpServer.StartAsync();
            server.Serve("/pool/" + DebFixture.Hello.Basename, DebFixture.Hello.Bytes);
            server.Serve("/pool/" + DebFixture.Neofetch.Basename, DebFixture.Neofetch.Bytes);
            var workers = new Workers { Server = server };
            workers.Lock = workers.Temp.WriteFile("SHA256SUMS", DebFixture.Hello.LockLine);
            return workers;
        }

        /// <summary>Worker N: keygen, bundle the lock, attest the bundle's files; returns the envelope path.</summary>
        public async Task<string> BuildAsync(string worker, string lockfile, Action<string>? tamper = null)
        {
            var prefix = Temp.Combine(worker);
            Assert.Equal(0, (await CliRun.RunAsync("attest", "keygen", prefix)).ExitCode);
            var output = Temp.Combine(worker + "-bundle");
            var bundle = await CliRun.RunAsync(["--cache", Temp.Combine(worker + "-cache"), "--distro", "debian",
                "--provider", Server.BaseUrl + "/pool/{{.Basename}}", "bundle", lockfile, "-o", output]);
            Assert.True(bundle.ExitCode == 0, bundle.ToString());
            tamper?.Invoke(output);
            var attest = await ReproGetProcess.RunAsync(["attest", "build", .. BundleOutputs.Select(f => Path.Combine(output, f)),
                "--lock", lockfile, "--key", prefix + ".key"], new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" });
            Assert.True(attest.ExitCode == 0, attest.ToString());
            return Temp.WriteFile(worker + ".dsse.json", attest.StandardOutput);
        }

        public string Key(string worker) => Temp.Combine(worker + ".pub");

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            Temp.Dispose();
        }
    }

    private static Task<CliResult> Verify(Workers workers, int threshold, params string[] envelopes) =>
        CliRun.RunAsync(["attest", "verify", "--threshold", threshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. new[] { "w1", "w2", "w3" }.SelectMany(w => new[] { "--key", workers.Key(w) }), .. envelopes]);

    [Fact]
    public async Task ThreeWorkersBuildingTheSameBundleAgreeAtThresholdThree()
    {
        await using var workers = await Workers.StartAsync();
        var envelopes = new List<string>();
        foreach (var worker in new[] { "w1", "w2", "w3" })
        {
            envelopes.Add(await workers.BuildAsync(worker, workers.Lock));
        }

        var three = await Verify(workers, 3, [.. envelopes]);
        var four = await Verify(workers, 4, [.. envelopes]);

        Assert.True(three.ExitCode == 0, three.ToString());
        Assert.Contains("3 distinct trusted keys attest the same outputs from the same inputs", three.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, four.ExitCode);
    }

    [Fact]
    public async Task AWorkerWithAChangedLockDisagreesOnInputsAndAnotherOutputOnSubjects()
    {
        await using var workers = await Workers.StartAsync();
        var changedLock = workers.Temp.WriteFile("changed/SHA256SUMS", DebFixture.Hello.LockLine + DebFixture.Neofetch.LockLine);
        var w1 = await workers.BuildAsync("w1", workers.Lock);
        var w2 = await workers.BuildAsync("w2", changedLock);
        var w3 = await workers.BuildAsync("w3", workers.Lock, output => File.AppendAllText(Path.Combine(output, "install.sh"), "# different\n"));

        var inputs = await Verify(workers, 2, w1, w2);
        var subjects = await Verify(workers, 2, w1, w3);

        Assert.Equal(1, inputs.ExitCode);
        var inputTable = inputs.StandardOutput[inputs.StandardOutput.IndexOf("differing inputs:", StringComparison.Ordinal)..];
        Assert.Contains("pkg:deb/debian/neofetch@7.1.0-2?arch=all", inputTable, StringComparison.Ordinal);
        Assert.Contains("(absent)", inputTable, StringComparison.Ordinal);
        Assert.Contains("SHA256SUMS", inputTable, StringComparison.Ordinal);
        Assert.DoesNotContain("pkg:deb/debian/hello", inputTable, StringComparison.Ordinal);
        Assert.Equal(1, subjects.ExitCode);
        Assert.Contains("differing subjects:", subjects.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("install.sh", subjects.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("differing inputs:", subjects.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("attestations do not agree", subjects.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEnvelopeVerifiesWithSecuresystemslibAndCarriesTheStatementFields()
    {
        await using var workers = await Workers.StartAsync();
        var envelope = await workers.BuildAsync("w1", workers.Lock);
        var installSh = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            File.ReadAllBytes(workers.Temp.Combine("w1-bundle", "install.sh"))));

        var check = RealTool.Try("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Attest", "verify_dsse.py"),
            envelope, workers.Key("w1"), "install.sh", installSh]);
        var wrongKey = RealTool.Try("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Attest", "verify_dsse.py"),
            envelope, await KeyOfAnotherWorker(workers), "install.sh", installSh]);

        Assert.True(check.ExitCode == 0, check.Text + check.StandardError);
        Assert.Equal("OK\n", check.Text);
        Assert.NotEqual(0, wrongKey.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(envelope));
        var statement = JsonDocument.Parse(Convert.FromBase64String(json.RootElement.GetProperty("payload").GetString()!)).RootElement;
        var dependencies = statement.GetProperty("predicate").GetProperty("buildDefinition").GetProperty("resolvedDependencies");
        Assert.Contains(dependencies.EnumerateArray(), d => d.TryGetProperty("uri", out var uri)
            && uri.GetString() == "pkg:deb/debian/hello@2.10-2?arch=amd64"
            && d.GetProperty("digest").GetProperty("sha256").GetString() == DebFixture.Hello.Sha256);
        Assert.Contains(dependencies.EnumerateArray(), d => d.GetProperty("name").GetString() == "SHA256SUMS");
        Assert.Equal("2023-11-14T22:13:20Z", statement.GetProperty("predicate").GetProperty("runDetails").GetProperty("metadata")
            .GetProperty("startedOn").GetString());
        Assert.Equal(3, statement.GetProperty("subject").GetArrayLength());
    }

    private static async Task<string> KeyOfAnotherWorker(Workers workers)
    {
        Assert.Equal(0, (await CliRun.RunAsync("attest", "keygen", workers.Temp.Combine("other"))).ExitCode);
        return workers.Temp.Combine("other.pub");
    }
}
