using ReproGet.Core.Distros;
using ReproGet.Distros.Fedora.Configuration;
using ReproGet.TestKit;

namespace ReproGet.Distros.Fedora.Tests.Configuration;

public sealed class YumReposReaderTests : IDisposable
{
    private readonly TempDirectory _root = new();

    [Fact]
    public void DefaultProvidersAreEnabledBaseurlsWithVariablesExpandedThenKoji()
    {
        _root.WriteFile("etc/os-release", "NAME=\"Fedora Linux\"\nID=fedora\nVERSION_ID=40\n");
        _root.WriteFile("etc/yum.repos.d/fedora.repo", """
            [fedora]
            name=Fedora $releasever - $basearch
            #baseurl=http://commented.invalid/
            metalink=https://mirrors.fedoraproject.org/metalink?repo=fedora-$releasever&arch=$basearch
            enabled=1

            [fedora-source]
            baseurl=http://dl.fedoraproject.org/pub/fedora/linux/releases/$releasever/Everything/source/tree/
            enabled=0
            """);
        _root.WriteFile("etc/yum.repos.d/local.repo", """
            [main-mirror]
            baseurl=http://one.invalid/${releasever}/$basearch/,
              http://two.invalid/$releasever/$custom/
            [other]
            baseurl=http://three.invalid/$releasever
            """);
        _root.WriteFile("etc/dnf/vars/custom", "special\n");
        var arch = DnfVariables.BaseArch(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture);

        var providers = FedoraProviders.For(new DistroContext(_root.Path, new RecordingLog()));

        Assert.Equal(
        [
            $"http://one.invalid/40/{arch}/{{{{.Basename}}}}",
            "http://three.invalid/40/{{.Basename}}",
            "http://two.invalid/40/special/{{.Basename}}",
            "https://kojipkgs.fedoraproject.org/packages/{{.Name}}",
        ], providers);
    }

    [Fact]
    public void ARootWithoutRepositoryFilesStillHasKoji()
    {
        var providers = FedoraProviders.For(new DistroContext(_root.Path, new RecordingLog()));

        Assert.Equal([FedoraProviders.Koji], providers);
    }

    [Fact]
    public void AnUnknownVariableIsLeftAsWritten()
    {
        var variables = new DnfVariables(new Dictionary<string, string> { ["releasever"] = "9" });

        Assert.Equal("http://x.invalid/9/$nosuch/", variables.Expand("http://x.invalid/$releasever/$nosuch/"));
    }

    public void Dispose() => _root.Dispose();
}
