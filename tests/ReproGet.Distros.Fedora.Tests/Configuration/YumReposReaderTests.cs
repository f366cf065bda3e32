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
    public void EachRepositoryGetsThePackageFolderItsCachedMetadataShowsAndFedorasLetterFoldersAreLeftOut()
    {
        _root.WriteFile("etc/yum.repos.d/three.repo",
            "[flat]\nbaseurl=http://flat.invalid/repo/\n[centos]\nbaseurl=http://centos.invalid/9/AppStream/\n"
            + "[fedora]\nbaseurl=http://fedora.invalid/40/Everything/\n[uncached]\nbaseurl=http://uncached.invalid/\n");
        CacheFlat("var/cache/dnf/flat-0123456789abcdef/repodata");
        CacheWithLocation("var/cache/dnf/centos-0123456789abcdef/repodata", "Packages/podman-5.3.1-1.el9.x86_64.rpm");
        CacheWithLocation("var/cache/libdnf5/fedora-0123456789abcdef/repodata", "Packages/p/podman-5.3.1-1.el9.x86_64.rpm");
        var log = new RecordingLog();

        var providers = FedoraProviders.For(new DistroContext(_root.Path, log));

        Assert.Equal(
        [
            "http://flat.invalid/repo/{{.Basename}}",
            "http://centos.invalid/9/AppStream/Packages/{{.Basename}}",
            "http://uncached.invalid/{{.Basename}}",
            FedoraProviders.Koji,
        ], providers);
        Assert.Contains(log.Debugs, m => m.Contains("repository fedora", StringComparison.Ordinal));
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

    private void CacheFlat(string repodata)
    {
        foreach (var file in Directory.EnumerateFiles(FixturePath.Get("rpm", "createrepo-single-pkg", "repodata")))
        {
            _root.WriteFile(Path.Combine(repodata, Path.GetFileName(file)), File.ReadAllBytes(file));
        }
    }

    // A repomd.xml naming a plain primary.xml whose one package (podman, from the CentOS fixture) sits at location.
    private void CacheWithLocation(string repodata, string location)
    {
        var excerpt = File.ReadAllText(FixturePath.Get("rpm", "centos-stream-9-appstream", "primary.excerpt.xml"));
        _root.WriteFile(Path.Combine(repodata, "primary.xml"),
            excerpt.Replace("Packages/podman-5.3.1-1.el9.x86_64.rpm", location, StringComparison.Ordinal));
        _root.WriteFile(Path.Combine(repodata, "repomd.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <repomd xmlns="http://linux.duke.edu/metadata/repo"><data type="primary">
              <checksum type="sha256">0000000000000000000000000000000000000000000000000000000000000000</checksum>
              <location href="repodata/primary.xml"/></data></repomd>
            """);
    }
}
