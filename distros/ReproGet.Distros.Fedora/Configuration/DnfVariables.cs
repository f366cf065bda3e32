using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ReproGet.Distros.Fedora.Configuration;

/// <summary>
/// dnf's substitution variables for a root: <c>$releasever</c> from <c>/etc/dnf/vars/releasever</c> or the root's
/// os-release <c>VERSION_ID</c>, <c>$basearch</c>/<c>$arch</c> from this machine, and any other file in
/// <c>/etc/dnf/vars</c>. Both <c>$name</c> and <c>${name}</c> are expanded; unknown names are left as written.
/// </summary>
public sealed partial class DnfVariables(IReadOnlyDictionary<string, string> values)
{
    public static DnfVariables Load(Func<string, string> rootPath)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["basearch"] = BaseArch(RuntimeInformation.OSArchitecture),
            ["arch"] = BaseArch(RuntimeInformation.OSArchitecture),
        };
        if (VersionId(rootPath) is { } versionId)
        {
            values["releasever"] = versionId;
        }
        foreach (var directory in new[] { "/etc/yum/vars", "/etc/dnf/vars" }.Select(rootPath).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                values[Path.GetFileName(file)] = File.ReadAllText(file).Trim();
            }
        }
        return new DnfVariables(values);
    }

    public string Expand(string text) => VariablePattern().Replace(text, match =>
    {
        var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["plain"].Value;
        return values.TryGetValue(name, out var value) ? value : match.Value;
    });

    internal static string BaseArch(Architecture architecture) => architecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        Architecture.Ppc64le => "ppc64le",
        Architecture.S390x => "s390x",
        Architecture.X86 => "i386",
        _ => architecture.ToString().ToLowerInvariant(),
    };

    private static string? VersionId(Func<string, string> rootPath)
    {
        foreach (var path in new[] { "/etc/os-release", "/usr/lib/os-release" }.Select(rootPath).Where(File.Exists))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("VERSION_ID=", StringComparison.Ordinal))
                {
                    return line["VERSION_ID=".Length..].Trim().Trim('"', '\'');
                }
            }
        }
        return null;
    }

    [GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z0-9_]+)\}|(?<plain>[A-Za-z0-9_]+))")]
    private static partial Regex VariablePattern();
}
