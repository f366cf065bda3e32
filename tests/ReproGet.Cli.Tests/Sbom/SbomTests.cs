using System.Text.Json;
using ReproGet.Cli.Tests.EndToEnd;
using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.Sbom;

/// <summary>`sbom` output checked against the official CycloneDX 1.6 JSON schema (npm @cyclonedx/cyclonedx-library) with python3-jsonschema.</summary>
[Trait("Category", "Integration")]
public sealed class SbomTests
{
    private static string SchemaDirectory() =>
        RealTool.Run(Path.Combine(FixturePath.RepositoryRoot, "tests", "cyclonedx-schema", "cyclonedx-schema"), "dir").Trim();

    [Fact]
    public async Task CycloneDxValidatesAgainstTheOfficialSchemaWithAPurlAndSha256PerEntry()
    {
        using var temp = new TempDirectory();
        var lockfile = temp.WriteFile("SHA256SUMS", File.ReadAllText(FixturePath.Get("lockfiles", "repro-get", "examples", "gcc", "SHA256SUMS-amd64")));

        var run = await CliRun.RunAsync("sbom", lockfile, "--format", "cyclonedx");
        var bom = temp.WriteFile("bom.json", run.StandardOutput);
        var check = RealTool.Try("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Sbom", "validate_cyclonedx.py"), bom, SchemaDirectory()]);
        var broken = temp.WriteFile("broken.json", run.StandardOutput.Replace("\"SHA-256\"", "\"SHA-257\"", StringComparison.Ordinal));
        var brokenCheck = RealTool.Try("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Sbom", "validate_cyclonedx.py"), broken, SchemaDirectory()]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(check.ExitCode == 0, check.Text + check.StandardError);
        Assert.Equal("VALID\n", check.Text);
        Assert.NotEqual(0, brokenCheck.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var components = json.RootElement.GetProperty("components").EnumerateArray().ToList();
        var locked = File.ReadAllLines(lockfile).Where(l => l.Length > 0).Select(l => l[..64]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(locked.Count, components.Count);
        foreach (var component in components)
        {
            Assert.StartsWith("pkg:deb/debian/", component.GetProperty("purl").GetString(), StringComparison.Ordinal);
            var hash = component.GetProperty("hashes")[0];
            Assert.Equal("SHA-256", hash.GetProperty("alg").GetString());
            Assert.Contains(hash.GetProperty("content").GetString()!, locked);
        }
    }

    [Fact]
    public async Task SpdxListsEveryEntryWithItsPurlAndChecksum()
    {
        using var temp = new TempDirectory();
        var lockfile = temp.WriteFile("SHA256SUMS", DebFixture.Hello.LockLine + DebFixture.Neofetch.LockLine);

        var run = await CliRun.RunAsync("sbom", lockfile, "--format", "spdx");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("SPDX-2.3", json.RootElement.GetProperty("spdxVersion").GetString());
        var hello = json.RootElement.GetProperty("packages")[0];
        Assert.Equal("pkg:deb/debian/hello@2.10-2?arch=amd64", hello.GetProperty("externalRefs")[0].GetProperty("referenceLocator").GetString());
        Assert.Equal(DebFixture.Hello.Sha256, hello.GetProperty("checksums")[0].GetProperty("checksumValue").GetString());
    }
}
