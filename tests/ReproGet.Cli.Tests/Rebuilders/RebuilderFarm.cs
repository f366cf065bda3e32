using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using ReproGet.TestKit;
using ReproGet.TestKit.Http;

namespace ReproGet.Cli.Tests.Rebuilders;

/// <summary>
/// Three rebuilderd-shaped instances on one loopback Kestrel (<c>/r1</c> and <c>/r3</c> speak v1, <c>/r2</c> only v0),
/// serving in-toto links made by Debian's own <c>in-toto-run</c> with Ed25519 keys from <c>in-toto-keygen</c>, for two
/// real .debs built by dpkg-deb (also served from <c>/pool/</c>):
/// <list type="bullet">
/// <item>quorum-a: r1 and r2 attest it; r3 serves a link signed by a key nobody pinned (forged).</item>
/// <item>quorum-b: r1 attests it; r2 rebuilt other bytes (disagrees); r3 has no record.</item>
/// </list>
/// </summary>
public sealed class RebuilderFarm : IAsyncLifetime
{
    /// <summary>The test collection that shares one farm (its keys and links take seconds to make).</summary>
    public const string Collection = "rebuilder farm";

    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, byte[]> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private LoopbackKestrel? _server;

    public string BaseUrl => _server!.BaseUrl;

    public Deb PackageA { get; private set; } = null!;

    public Deb PackageB { get; private set; } = null!;

    /// <summary>sha256 of the other bytes r2 rebuilt for quorum-b.</summary>
    public string DisagreeingSha256 { get; private set; } = "";

    public string Provider => BaseUrl + "/pool/{{.Basename}}";

    public string Path(params string[] parts) => _directory.Combine(parts);

    /// <summary><c>--rebuilder NAME=URL,KEYFILE</c> for r1..r3; "r4" is an instance nobody listens on.</summary>
    public string Rebuilder(string name) => name == "r4"
        ? $"r4=http://127.0.0.1:1/r4,{Path("r3.pem")}"
        : $"{name}={BaseUrl}/{name},{Path(name + ".pem")}";

    /// <summary>The quorum options: <c>--rebuilder</c> for each named rebuilder, and <c>--threshold N</c>.</summary>
    public string[] Quorum(int threshold, params string[] rebuilders) =>
        [.. rebuilders.SelectMany(r => new[] { "--rebuilder", Rebuilder(r) }), "--threshold", threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    public int AttestationRequests
    {
        get
        {
            lock (_counts)
            {
                return _counts.Where(c => c.Key.Contains("/attestation", StringComparison.Ordinal)).Sum(c => c.Value);
            }
        }
    }

    public int PoolRequests
    {
        get
        {
            lock (_counts)
            {
                return _counts.Where(c => c.Key.StartsWith("/pool/", StringComparison.Ordinal)).Sum(c => c.Value);
            }
        }
    }

    public string LockFor(params Deb[] debs) => string.Concat(debs.Select(d => $"{d.Sha256}  pool/main/q/{d.Name}/{d.Basename}\n"));

    public async Task InitializeAsync()
    {
        RealTool.RequireInstalled("in-toto-run", "in-toto-keygen", "dpkg-deb");
        PackageA = Deb.Build(_directory.Path, "quorum-a", "1.0-1");
        PackageB = Deb.Build(_directory.Path, "quorum-b", "2.0-1");
        foreach (var key in new[] { "r1", "r2", "r3", "forger" })
        {
            RealTool.Run("in-toto-keygen", "-t", "ed25519", Path(key));
            // rebuilderd publishes PEM SubjectPublicKeyInfo; in-toto-keygen writes securesystemslib JSON: convert with python3-cryptography.
            File.WriteAllText(Path(key + ".pem"), RealTool.Run("/usr/bin/python3", "-c", """
                import json, sys
                from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
                from cryptography.hazmat.primitives import serialization
                raw = bytes.fromhex(json.load(open(sys.argv[1]))["keyval"]["public"])
                print(Ed25519PublicKey.from_public_bytes(raw).public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode(), end="")
                """, Path(key + ".pub")));
        }
        var otherBytes = File.ReadAllBytes(PackageA.Path);
        DisagreeingSha256 = Convert.ToHexStringLower(SHA256.HashData(otherBytes));

        V1("r1", PackageA, Link("r1", PackageA.Basename, File.ReadAllBytes(PackageA.Path)), 11, 21);
        V1("r1", PackageB, Link("r1", PackageB.Basename, File.ReadAllBytes(PackageB.Path)), 12, 22);
        V0("r2", PackageA, Link("r2", PackageA.Basename, File.ReadAllBytes(PackageA.Path)), 31);
        V0("r2", PackageB, Link("r2", PackageB.Basename, otherBytes), 32);
        V1("r3", PackageA, Link("forger", PackageA.Basename, File.ReadAllBytes(PackageA.Path)), 41, 51);
        _routes["/r3/api/v1/packages/binary?name=quorum-b&version=2.0-1&architecture=all"] = Encoding.UTF8.GetBytes("""{"total":0,"records":[]}""");
        foreach (var deb in new[] { PackageA, PackageB })
        {
            _routes[$"/pool/{deb.Basename}"] = File.ReadAllBytes(deb.Path);
        }
        _server = await LoopbackKestrel.StartAsync(RespondAsync);
    }

    private async Task RespondAsync(HttpContext context)
    {
        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        lock (_counts)
        {
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
        }
        if (_routes.TryGetValue(key, out var body))
        {
            context.Response.ContentType = key.Contains("/attestation", StringComparison.Ordinal) ? "text/plain" : "application/json";
            await context.Response.Body.WriteAsync(body);
            return;
        }
        // r2 is an old instance: no v1 API at all. The others answer an unknown v1 query with no records.
        context.Response.StatusCode = 404;
    }

    /// <summary>A link as a rebuilder makes it: <c>in-toto-run</c> over a file of that name holding <paramref name="bytes"/>.</summary>
    private byte[] Link(string key, string basename, byte[] bytes)
    {
        var work = Directory.CreateDirectory(System.IO.Path.Combine(_directory.Path, "in-toto-run-" + Guid.NewGuid().ToString("N")));
        File.WriteAllBytes(System.IO.Path.Combine(work.FullName, basename), bytes);
        var result = RealTool.Try("/bin/sh", ["-c", $"cd '{work.FullName}' && in-toto-run -n 'rebuild {basename}' -k '{Path(key)}' -t ed25519 -p '{basename}' -x"]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"in-toto-run failed: {result.StandardError}");
        }
        return File.ReadAllBytes(Directory.GetFiles(work.FullName, "*.link").Single());
    }

    private void V1(string rebuilder, Deb deb, byte[] link, int build, int artifact)
    {
        _routes[$"/{rebuilder}/api/v1/packages/binary?name={deb.Name}&version={deb.Version}&architecture=all"] = Encoding.UTF8.GetBytes($$"""
            {"total":1,"records":[{"id":{{build + 1000}},"name":"{{deb.Name}}","version":"{{deb.Version}}","distribution":"debian",
             "release":"trixie","component":"main","architecture":"all","url":"https://deb.debian.org/debian/pool/main/q/{{deb.Name}}/{{deb.Basename}}",
             "build_id":{{build}},"artifact_id":{{artifact}}}]}
            """);
        _routes[$"/{rebuilder}/api/v1/builds/{build}/artifacts/{artifact}/attestation"] = link;
    }

    private void V0(string rebuilder, Deb deb, byte[] link, int build)
    {
        _routes[$"/{rebuilder}/api/v0/pkgs/list?distro=debian&name={deb.Name}"] = Encoding.UTF8.GetBytes($$"""
            [{"name":"{{deb.Name}}","version":"0.9-1","status":"BAD","distro":"debian","suite":"main","architecture":"all",
              "artifact_url":"https://deb.debian.org/x.deb","build_id":{{build + 100}},"built_at":"2026-11-01T00:00:00","has_diffoscope":true,"has_attestation":true},
             {"name":"{{deb.Name}}","version":"{{deb.Version}}","status":"GOOD","distro":"debian","suite":"main","architecture":"all",
              "artifact_url":"https://deb.debian.org/debian/pool/main/q/{{deb.Name}}/{{deb.Basename}}","build_id":{{build}},
              "built_at":"2026-11-02T00:00:00","has_diffoscope":false,"has_attestation":true}]
            """);
        _routes[$"/{rebuilder}/api/v0/builds/{build}/attestation"] = link;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _directory.Dispose();
    }

    /// <summary>A real .deb built by dpkg-deb: one file under /usr/share/&lt;name&gt;, no dependencies, no scripts.</summary>
    public sealed record Deb(string Name, string Version, string Path, string Sha256)
    {
        public string Basename => $"{Name}_{Version}_all.deb";

        public static Deb Build(string directory, string name, string version)
        {
            var tree = System.IO.Path.Combine(directory, "build", name);
            Directory.CreateDirectory(System.IO.Path.Combine(tree, "DEBIAN"));
            Directory.CreateDirectory(System.IO.Path.Combine(tree, "usr", "share", name));
            File.WriteAllText(System.IO.Path.Combine(tree, "usr", "share", name, "README"), $"{name} {version}\n");
            File.WriteAllText(System.IO.Path.Combine(tree, "DEBIAN", "control"),
                $"Package: {name}\nVersion: {version}\nArchitecture: all\nMaintainer: ReproGet tests <tests@example.org>\nDescription: quorum test package\n");
            var path = System.IO.Path.Combine(directory, $"{name}_{version}_all.deb");
            RealTool.Run("dpkg-deb", "--build", "--root-owner-group", tree, path);
            return new Deb(name, version, path, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        }
    }
}
