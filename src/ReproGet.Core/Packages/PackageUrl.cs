using System.Text;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Packages;

/// <summary>
/// Package URLs (purl, github.com/package-url/purl-spec) for lock entries: <c>pkg:deb/debian/hello@2.10-2?arch=amd64</c>,
/// <c>pkg:rpm/fedora/bash@5.1-2.fc36?arch=x86_64</c>, <c>pkg:apk/alpine/bash@5.1.16-r2</c>,
/// <c>pkg:alpm/arch/zlib@1:1.2.13-1?arch=x86_64</c>; files that are not packages (signatures, signed indexes) become
/// <c>pkg:generic/NAME?checksum=sha256:HEX</c>. Shared by attestations, SBOMs and anything else naming locked packages.
/// </summary>
public static class PackageUrl
{
    /// <summary>The purl type and default namespace (the distro) per package format.</summary>
    public static (string Type, string Namespace) TypeOf(PackageKind kind) => kind switch
    {
        PackageKind.Deb => ("deb", "debian"),
        PackageKind.Rpm => ("rpm", "fedora"),
        PackageKind.Apk => ("apk", "alpine"),
        PackageKind.Pacman => ("alpm", "arch"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <param name="distroNamespace">The distro the lock is for (ubuntu, centos, …); null for the format's default.</param>
    public static string For(LockEntry entry, string? distroNamespace = null)
    {
        if (entry.Package is not { } package)
        {
            return Build("generic", null, entry.Basename, null, [("checksum", "sha256:" + entry.Sha256.Hex)]);
        }
        var (type, defaultNamespace) = TypeOf(package.Kind);
        // apt-get download writes a version's epoch colon as %3a; the purl carries the version itself.
        var version = package.FullVersion.Replace("%3a", ":", StringComparison.OrdinalIgnoreCase);
        var qualifiers = string.IsNullOrEmpty(package.Architecture)
            ? Array.Empty<(string, string)>()
            : [("arch", package.Architecture)];
        return Build(type, (distroNamespace ?? defaultNamespace).ToLowerInvariant(), package.Package, version, qualifiers);
    }

    /// <summary>Builds a canonical purl: qualifiers sorted by key, empty values dropped, every component percent-encoded.</summary>
    public static string Build(string type, string? @namespace, string name, string? version,
        IEnumerable<(string Key, string Value)> qualifiers)
    {
        var text = new StringBuilder("pkg:").Append(type.ToLowerInvariant()).Append('/');
        if (!string.IsNullOrEmpty(@namespace))
        {
            text.Append(string.Join('/', @namespace.Split('/').Select(Encode))).Append('/');
        }
        text.Append(Encode(name));
        if (!string.IsNullOrEmpty(version))
        {
            text.Append('@').Append(Encode(version));
        }
        var sorted = qualifiers.Where(q => q.Value.Length > 0)
            .OrderBy(q => q.Key.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            text.Append(i == 0 ? '?' : '&').Append(sorted[i].Key.ToLowerInvariant()).Append('=').Append(Encode(sorted[i].Value));
        }
        return text.ToString();
    }

    /// <summary>
    /// The spec's character encoding: ASCII letters, digits, <c>. - _ ~</c> and the colon stay as they are; every
    /// other byte of the UTF-8 form is percent-encoded (so <c>+</c> in <c>libstdc++6</c> is <c>%2B</c>).
    /// </summary>
    public static string Encode(string component)
    {
        var text = new StringBuilder(component.Length);
        foreach (var b in Encoding.UTF8.GetBytes(component))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }
}
