using System.Globalization;
using System.Text;
using ReproGet.Distros.Debian.Tests.Integration;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;
using ReproGet.TestKit.Signing;

namespace ReproGet.Distros.Debian.Tests.Snapshot;

/// <summary>
/// A loopback stand-in for snapshot.debian.org with its URL layout (<c>/archive/NAME/TIME/dists/…</c>, <c>/pool/…</c>)
/// and its API's JSON (<c>/mr/binary/PKG/VERSION/binfiles?fileinfo=1</c>): suites signed by a test key made with the
/// real gpg, over .debs built by dpkg-deb, and this machine's real Debian-signed lists served as a snapshot.
/// </summary>
public sealed class SnapshotServer : IAsyncLifetime
{
    public const string OldTime = "20250510T000000Z";
    public const string ApiTime = "20250601T000000Z";
    public const string RealTime = "20261201T000000Z";

    private readonly TempDirectory _directory = new();
    private LoopbackHttpServer? _server;

    public LoopbackHttpServer Http => _server ?? throw new InvalidOperationException("not started");

    public GpgTestKey Key { get; } = new("ReproGet Test Snapshot Archive <snapshot@example.invalid>", createdAt: DateTimeOffset.Parse("2025-01-01T00:00:00Z", CultureInfo.InvariantCulture));

    public GpgTestKey Rogue { get; } = new("Rogue Archive <rogue@example.invalid>", createdAt: DateTimeOffset.Parse("2025-01-01T00:00:00Z", CultureInfo.InvariantCulture));

    public string Keyring => Path.Combine(_directory.Path, "test-snapshot.gpg");

    internal DebPackage OldA { get; private set; } = null!;

    internal DebPackage OldAll { get; private set; } = null!;

    internal DebPackage ApiOnly { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackHttpServer.StartAsync();
        Key.ExportKeyring(Keyring);
        OldA = DebPackage.Build(_directory.Path, "rgsnap-a", "1.0-1", "amd64");
        OldAll = DebPackage.Build(_directory.Path, "rgsnap-data", "2:2.0-1", "all");
        ApiOnly = DebPackage.Build(_directory.Path, "rgsnap-api", "3.0-1", "amd64");
        // The image's own snapshot time: the two base packages.
        ServeSuite("debian", OldTime, "bookworm", OldA.Stanza + OldAll.Stanza, Key);
        // A later time that only the API leads to.
        ServeSuite("debian", ApiTime, "bookworm", OldA.Stanza + ApiOnly.Stanza, Key);
        ServeFileInfo(ApiOnly, ApiOnly.PoolName, ApiTime);
        foreach (var deb in new[] { OldA, OldAll, ApiOnly })
        {
            Http.Serve("/archive/debian/" + OldTime + "/" + deb.PoolName, await File.ReadAllBytesAsync(deb.Path));
        }
    }

    public string BaseUrl => Http.BaseUrl + "/";

    /// <summary>Serves an InRelease (signed by <paramref name="signer"/>) and its plain Packages index for one suite at one time.</summary>
    public void ServeSuite(string archive, string time, string suite, string index, GpgTestKey signer, string? servedIndex = null)
    {
        var bytes = Encoding.UTF8.GetBytes(index);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var date = DateTimeOffset.ParseExact(time, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var release = $"Origin: Debian\nLabel: Debian\nSuite: oldstable\nCodename: {suite}\nDate: {date.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} UTC\n"
            + $"Architectures: amd64\nComponents: main\nSHA256:\n {sha256} {bytes.Length} main/binary-amd64/Packages\n";
        var prefix = $"/archive/{archive}/{time}/dists/{suite}/";
        Http.Serve(prefix + "InRelease", signer.ClearSign(Encoding.UTF8.GetBytes(release), date));
        Http.Serve(prefix + "main/binary-amd64/Packages", servedIndex is null ? bytes : Encoding.UTF8.GetBytes(servedIndex));
    }

    /// <summary>Serves the real signed files of a suite (this machine's apt lists) under <see cref="RealTime"/>.</summary>
    public void ServeReal(string archive, string suite, byte[] inRelease, byte[] plainIndex)
    {
        var prefix = $"/archive/{archive}/{RealTime}/dists/{suite}/";
        Http.Serve(prefix + "InRelease", inRelease);
        Http.Serve(prefix + "main/binary-amd64/Packages", plainIndex);
    }

    /// <summary>The API's answer for <paramref name="deb"/>: its SHA-1, pointing at <paramref name="poolName"/> first seen at <paramref name="time"/>.</summary>
    internal void ServeFileInfo(DebPackage deb, string poolName, string time)
    {
        var sha1 = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(File.ReadAllBytes(deb.Path)));
        var slash = poolName.LastIndexOf('/');
        var size = new FileInfo(deb.Path).Length.ToString(CultureInfo.InvariantCulture);
        var json = "{\"_comment\":\"foo\",\"binary\":\"" + deb.Name + "\",\"binary_version\":\"" + deb.Version + "\","
            + "\"result\":[{\"architecture\":\"" + deb.Architecture + "\",\"hash\":\"" + sha1 + "\"}],"
            + "\"fileinfo\":{\"" + sha1 + "\":[{\"archive_name\":\"debian\",\"first_seen\":\"" + time + "\",\"name\":\""
            + poolName[(slash + 1)..] + "\",\"path\":\"/" + poolName[..slash] + "\",\"size\":" + size + "}]}}";
        // The server matches paths only: the query (?fileinfo=1) is the client's to send.
        Http.Serve($"/mr/binary/{deb.Name}/{deb.Version}/binfiles", Encoding.UTF8.GetBytes(json));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        Key.Dispose();
        Rogue.Dispose();
        _directory.Dispose();
    }
}
