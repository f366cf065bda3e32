using System.Globalization;
using System.Text;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;

namespace ReproGet.Core.Providers;

/// <summary>A literal run or one <c>{{ … }}</c> action of a provider template.</summary>
internal abstract record TemplatePart
{
    public abstract bool TryRender(LockEntry entry, StringBuilder output, out string declineReason);
}

internal sealed record LiteralPart(string Text) : TemplatePart
{
    public override bool TryRender(LockEntry entry, StringBuilder output, out string declineReason)
    {
        output.Append(Text);
        declineReason = "";
        return true;
    }
}

/// <summary><c>{{.Field}}</c>, <c>{{.Dpkg.Package}}</c>, or <c>{{function .Epoch}}</c>.</summary>
internal sealed record ActionPart(string? Function, string[] FieldPath) : TemplatePart
{
    public static readonly string[] Functions = ["timeToDebianSnapshot", "timeToInt"];
    private static readonly string[] TopFields = ["Name", "Basename", "SHA256", "CID", "Epoch", "Dpkg", "RPM", "APK", "Pacman"];

    public static string? Validate(string? function, string[] path)
    {
        if (function is not null && !Functions.Contains(function))
        {
            return $"unknown function \"{function}\" (known: {string.Join(", ", Functions)})";
        }
        if (!TopFields.Contains(path[0]))
        {
            return $"unknown field \".{path[0]}\" (known: {string.Join(", ", TopFields.Select(f => "." + f))})";
        }
        if (function is not null && (path.Length != 1 || path[0] != "Epoch"))
        {
            return $"{function} takes .Epoch";
        }
        var nested = path[0] is "Dpkg" or "RPM" or "APK" or "Pacman";
        if (nested != (path.Length == 2) || path.Length > 2)
        {
            return $"field \".{string.Join('.', path)}\" is not a text value";
        }
        return nested && !PackageFields(path[0]).Contains(path[1])
            ? $"unknown field \".{path[0]}.{path[1]}\" (known: {string.Join(", ", PackageFields(path[0]).Select(f => $".{path[0]}.{f}"))})"
            : null;
    }

    // The fields the Go tool's structs have: only RPM has a release, APK carries no architecture.
    private static string[] PackageFields(string kind) => kind switch
    {
        "RPM" => ["Package", "Version", "Release", "Architecture"],
        "APK" => ["Package", "Version"],
        _ => ["Package", "Version", "Architecture"],
    };

    public override bool TryRender(LockEntry entry, StringBuilder output, out string declineReason)
    {
        declineReason = "";
        if (FieldPath[0] == "Epoch")
        {
            if (entry.Epoch is not { } epoch)
            {
                declineReason = "the entry has no epoch (SOURCE_DATE_EPOCH or lockfile time)";
                return false;
            }
            output.Append(Function switch
            {
                "timeToDebianSnapshot" => ProviderTemplate.FormatSnapshotTime(epoch),
                "timeToInt" => epoch.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                // Go prints a time.Time as "2006-01-02 15:04:05.999999999 -0700 MST".
                _ => epoch.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF '+0000 UTC'", CultureInfo.InvariantCulture),
            });
            return true;
        }
        var value = FieldPath.Length == 1 ? TopField(entry, FieldPath[0]) : PackageField(entry, FieldPath[0], FieldPath[1]);
        if (value is null)
        {
            declineReason = FieldPath[0] == "CID"
                ? $"no CID is known for sha256 {entry.Sha256.Hex}"
                : $"the entry has no .{string.Join('.', FieldPath)}";
            return false;
        }
        output.Append(EscapeForUrl(value));
        return true;
    }

    // A value is text, not URL syntax: a file that apt-get download named "libgc1_1%3a8.2.2-3_amd64.deb" must be
    // requested as "%253a", or the server decodes it to ':' and answers 404 (the Go tool had this bug). '/' stays,
    // so .Name keeps its directories.
    private static string EscapeForUrl(string value) =>
        value.AsSpan().IndexOfAny("%#? ") < 0
            ? value
            : value.Replace("%", "%25", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal)
                .Replace("?", "%3F", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);

    private static string? TopField(LockEntry entry, string field) => field switch
    {
        "Name" => entry.Name,
        "Basename" => entry.Basename,
        "SHA256" => entry.Sha256.Hex,
        "CID" => entry.Cid,
        _ => null,
    };

    private static string? PackageField(LockEntry entry, string kind, string field)
    {
        var wanted = kind switch
        {
            "Dpkg" => PackageKind.Deb,
            "RPM" => PackageKind.Rpm,
            "APK" => PackageKind.Apk,
            _ => PackageKind.Pacman,
        };
        if (entry.Package is not { } package || package.Kind != wanted)
        {
            return null;
        }
        return field switch
        {
            "Package" => package.Package,
            "Version" => package.Version,
            "Release" => package.Release,
            "Architecture" => package.Architecture,
            _ => null,
        };
    }
}
