using ReproGet.Core.Hashing;
using ReproGet.TestKit;

namespace ReproGet.Distros.Debian.Tests.Integration;

/// <summary>A real .deb built by dpkg-deb for a test: one file under /usr/share/&lt;name&gt;, no maintainer scripts.</summary>
internal sealed record DebPackage(string Name, string Version, string Architecture, string Path, Sha256Digest Sha256)
{
    /// <summary>The pool path a Debian archive would give it (epoch left out, as in real pool names).</summary>
    public string PoolName => $"pool/main/{Name[0]}/{Name}/{Name}_{Version[(Version.IndexOf(':') + 1)..]}_{Architecture}.deb";

    public string LockLine => $"{Sha256.Hex}  {PoolName}\n";

    public static DebPackage Build(string directory, string name, string version, string architecture, string? depends = null)
    {
        var tree = System.IO.Path.Combine(directory, "build", name);
        Directory.CreateDirectory(System.IO.Path.Combine(tree, "DEBIAN"));
        Directory.CreateDirectory(System.IO.Path.Combine(tree, "usr", "share", name));
        File.WriteAllText(System.IO.Path.Combine(tree, "usr", "share", name, "README"), $"{name} {version}\n");
        var control = new List<string>
        {
            $"Package: {name}",
            $"Version: {version}",
            $"Architecture: {architecture}",
            "Maintainer: ReproGet tests <tests@example.org>",
        };
        if (depends is not null)
        {
            control.Add($"Depends: {depends}");
        }
        control.Add($"Description: test package {name}");
        File.WriteAllText(System.IO.Path.Combine(tree, "DEBIAN", "control"), string.Join('\n', control) + "\n");
        var path = System.IO.Path.Combine(directory, $"{name}.deb");
        RealTool.Run("dpkg-deb", "--build", "--root-owner-group", tree, path);
        return new DebPackage(name, version, architecture, path, Sha256Digest.FromBytes(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
    }

    /// <summary>Its stanza in an apt Packages list.</summary>
    public string Stanza => $"Package: {Name}\nVersion: {Version}\nArchitecture: {Architecture}\nFilename: {PoolName}\nSize: {new FileInfo(Path).Length}\nSHA256: {Sha256.Hex}\n\n";
}
