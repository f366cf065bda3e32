using System.Globalization;
using System.Text;
using ReproGet.Core.Distros;

namespace ReproGet.Core.Operations.Locking;

/// <summary>
/// Packages left out of a lock, told once: ONE warning line with the count, the first few names and the hint; every
/// name under <c>--debug</c>, and all of them in the <c>--report FILE</c> (one <c>package&lt;TAB&gt;reason</c> line
/// each). A fresh container without apt lists misses every installed package: 800 warning lines hid the one that
/// mattered ("run apt-get update").
/// </summary>
public static class MissingPackagesSummary
{
    /// <summary>How many names the summary line shows before "and N more".</summary>
    public const int NamedInLine = 5;

    /// <summary>The one warning line for <paramref name="missing"/>.</summary>
    public static string Line(MissingPackages missing)
    {
        var packages = missing.Packages;
        var oneReason = packages.Select(p => p.Reason).Distinct(StringComparer.Ordinal).Count() == 1;
        var names = string.Join(", ", packages.Take(NamedInLine).Select(p => oneReason ? Printable(p.Package) : $"{Printable(p.Package)} ({Printable(p.Reason)})"))
            + (packages.Count > NamedInLine ? $" and {packages.Count - NamedInLine} more" : "");
        var count = packages.Count == 1 ? "1 package was" : $"{packages.Count} packages were";
        var why = oneReason ? $" ({Printable(packages[0].Reason)})" : "";
        return $"{count} left out of the lock{why}: {names}; {missing.Hint}; the full list: --debug or --report FILE";
    }

    /// <summary>Warns once, lists every package under --debug, and writes <paramref name="reportPath"/> when given.</summary>
    public static void Tell(IStatusLog log, MissingPackages missing, string? reportPath)
    {
        log.Warn(Line(missing));
        foreach (var package in missing.Packages)
        {
            log.Debug($"{Printable(package.Package)}: left out of the lock ({Printable(package.Reason)})");
        }
        if (reportPath is not null)
        {
            WriteReport(reportPath, missing);
        }
    }

    /// <summary>The full list, one <c>package&lt;TAB&gt;reason</c> line each, written whole or not at all.</summary>
    public static void WriteReport(string path, MissingPackages missing)
    {
        var text = new StringBuilder();
        foreach (var package in missing.Packages)
        {
            text.Append(Printable(package.Package)).Append('\t').Append(Printable(package.Reason)).Append('\n');
        }
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, text.ToString());
        File.Move(temp, path, overwrite: true);
    }

    // Names come from package databases: a control character must not reach the terminal or split a report line.
    private static string Printable(string text) => text.Any(char.IsControl)
        ? string.Concat(text.Select(c => char.IsControl(c) ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) : c.ToString()))
        : text;
}
