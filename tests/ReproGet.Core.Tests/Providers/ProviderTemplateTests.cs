using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Providers;
using static ReproGet.Core.Tests.KnownHashes;

namespace ReproGet.Core.Tests.Providers;

/// <summary>Provider strings: the Go tool's template fields and functions, declining per entry, rejecting bad providers.</summary>
public sealed class ProviderTemplateTests
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeSeconds(1639958400);

    private static readonly LockEntry HelloDeb = new(HelloName, Sha256Digest.Parse(Hello), HelloCid, Epoch);

    private static string Render(string provider, LockEntry entry)
    {
        Assert.True(ProviderTemplate.Parse(provider).TryRender(entry, out var url, out var declined), declined);
        return url;
    }

    private static LockEntry Entry(string name) => new(name, Sha256Digest.Parse(Hello), null, Epoch);

    [Theory]
    [InlineData("http://deb.debian.org/debian/{{.Name}}", "http://deb.debian.org/debian/" + HelloName)]
    [InlineData("https://h/{{.Basename}}", "https://h/hello_2.10-2_amd64.deb")]
    [InlineData("http://h/sha256/{{.SHA256}}", "http://h/sha256/" + Hello)]
    [InlineData("http://127.0.0.1:8080/ipfs/{{.CID}}", "http://127.0.0.1:8080/ipfs/" + HelloCid)]
    [InlineData("http://snapshot.debian.org/archive/debian/{{timeToDebianSnapshot .Epoch}}/{{.Name}}",
        "http://snapshot.debian.org/archive/debian/20211220T000000Z/" + HelloName)]
    [InlineData("http://h/{{timeToInt .Epoch}}/{{.Basename}}", "http://h/1639958400/hello_2.10-2_amd64.deb")]
    [InlineData("http://h/{{.Epoch}}/{{.Name}}", "http://h/2021-12-20 00:00:00 +0000 UTC/" + HelloName)]
    [InlineData("http://h/{{.Dpkg.Package}}/{{.Dpkg.Version}}/{{.Dpkg.Architecture}}", "http://h/hello/2.10-2/amd64")]
    [InlineData("http://h/{{ .Name }}", "http://h/" + HelloName)]
    [InlineData("file:///srv/mirror/{{.Name}}", "file:///srv/mirror/" + HelloName)]
    public void FieldsAndFunctionsRenderAsTheGoToolRendersThem(string provider, string url)
    {
        Assert.Equal(url, Render(provider, HelloDeb));
    }

    [Fact]
    public void PackageFieldsOfEveryFormatRender()
    {
        Assert.Equal("ca-certificates 2022.2.54 5.fc37 noarch",
            Render("http://h/{{.RPM.Package}} {{.RPM.Version}} {{.RPM.Release}} {{.RPM.Architecture}}",
                Entry("ca-certificates/2022.2.54/5.fc37/noarch/ca-certificates-2022.2.54-5.fc37.noarch.rpm"))[9..]);
        Assert.Equal("ca-certificates-bundle 20220614-r0",
            Render("http://h/{{.APK.Package}} {{.APK.Version}}", Entry("v3.16/main/x86_64/ca-certificates-bundle-20220614-r0.apk"))[9..]);
        Assert.Equal("ca-certificates 20220905-1 any",
            Render("http://h/{{.Pacman.Package}} {{.Pacman.Version}} {{.Pacman.Architecture}}",
                Entry("packages/c/ca-certificates/ca-certificates-20220905-1-any.pkg.tar.zst"))[9..]);
    }

    [Fact]
    public void SnapshotTimeIsUtcWithSecondsTruncated()
    {
        var entry = HelloDeb with { Epoch = new DateTimeOffset(2022, 3, 4, 23, 59, 59, TimeSpan.FromHours(-5)).AddMilliseconds(999) };
        Assert.Equal("http://h/20220305T045959Z/1646456399", Render("http://h/{{timeToDebianSnapshot .Epoch}}/{{timeToInt .Epoch}}", entry));
        Assert.Equal("http://h/2022-03-05 04:59:59.999 +0000 UTC", Render("http://h/{{.Epoch}}", entry));
    }

    [Theory]
    [InlineData("http://gw/ipfs/{{.CID}}", "no CID is known for sha256 " + Hello)]
    [InlineData("http://h/{{timeToDebianSnapshot .Epoch}}/{{.Name}}", "no epoch")]
    [InlineData("http://h/{{.RPM.Package}}", "no .RPM.Package")]
    public void AProviderThatCannotServeAnEntryDeclinesWithTheReason(string provider, string reason)
    {
        var entry = new LockEntry(HelloName, Sha256Digest.Parse(Hello));
        Assert.False(ProviderTemplate.Parse(provider).TryRender(entry, out var url, out var declined));
        Assert.Equal("", url);
        Assert.Contains(reason, declined);
    }

    [Fact]
    public void PackageFieldsDeclineForFilesThatAreNoPackage()
    {
        Assert.False(ProviderTemplate.Parse("http://h/{{.Pacman.Package}}").TryRender(Entry("n/x.pkg.tar.zst.sig"), out _, out var declined));
        Assert.Contains(".Pacman.Package", declined);
    }

    [Theory]
    [InlineData("", "invalid provider \"\"")]
    [InlineData("deb.debian.org/debian/{{.Name}}", "want a URL")]
    [InlineData("http://deb.debian.org/debian/pool/main/h/hello/hello_2.10-2_amd64.deb", "names no file")]
    [InlineData("http://h/{{.Nope}}", "unknown field \".Nope\"")]
    [InlineData("http://h/{{.Name", "unclosed")]
    [InlineData("http://h/{{}}", "cannot understand")]
    [InlineData("http://h/{{Name}}", "want a field")]
    [InlineData("http://h/{{printf .Name}}", "unknown function \"printf\"")]
    [InlineData("http://h/{{timeToInt .Name}}", "timeToInt takes .Epoch")]
    [InlineData("http://h/{{.Dpkg}}", "not a text value")]
    [InlineData("http://h/{{.Name.Foo}}", "not a text value")]
    [InlineData("http://h/{{.Dpkg.Nope}}", "\".Dpkg.Nope\"")]
    [InlineData("http://h/{{.Dpkg.Release}}", "\".Dpkg.Release\"")]
    [InlineData("http://h/{{.APK.Architecture}}", "\".APK.Architecture\"")]
    [InlineData("http://h/{{.RPM.Package.X}}", "not a text value")]
    public void InvalidProvidersAreRejectedBeforeAnyWork(string provider, string reason)
    {
        var error = Assert.Throws<ReproGetException>(() => ProviderTemplate.Parse(provider));
        Assert.Contains($"invalid provider \"{provider}\"", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("oci://ghcr.io/user/repo", "oci")]
    [InlineData("oci+http://127.0.0.1:5000/repo", "oci+http")]
    [InlineData("HTTP://h/{{.Name}}", "http")]
    public void OciProvidersNeedNoTemplateAndTheSchemeIsLowercased(string provider, string scheme)
    {
        Assert.Equal(scheme, ProviderTemplate.Parse(provider).Scheme);
    }

    [Theory]
    [InlineData("http://user:secret@h/x", "http://user:xxxxx@h/x")]
    [InlineData("http://user@h/x", "http://user@h/x")]
    [InlineData("http://h/x", "http://h/x")]
    [InlineData("not a url", "not a url")]
    public void RedactHidesPasswords(string url, string redacted)
    {
        Assert.Equal(redacted, ProviderTemplate.Redact(url));
    }
}
