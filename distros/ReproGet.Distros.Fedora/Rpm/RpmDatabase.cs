using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Processes;

namespace ReproGet.Distros.Fedora.Rpm;

/// <summary>
/// The installed packages, asked of the real <c>rpm --root R -qa</c>: where the database lives differs between
/// builds of rpm (Fedora's <c>/usr/lib/sysimage/rpm</c>, Debian's <c>~/.rpmdb</c>), and rpm knows its own.
/// The <c>gpg-pubkey</c> entries rpm lists for imported keys are not packages and are left out.
/// </summary>
public static class RpmDatabase
{
    internal const string QueryFormat = "%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\n";

    public static async Task<IReadOnlyList<InstalledRpm>> ReadAsync(DistroContext context, CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync("rpm", ["--root", context.Root, "-qa", "--queryformat", QueryFormat],
                cancellationToken).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new ReproGetException("cannot run `rpm`: it is not installed",
                "install rpm (on Debian: `apt-get install rpm`), which reads the root's package database");
        }
        return Parse(result.StandardOutput);
    }

    internal static IReadOnlyList<InstalledRpm> Parse(string output)
    {
        var packages = new List<InstalledRpm>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length != 6 || !int.TryParse(fields[1], out var epoch))
            {
                throw new ReproGetException($"cannot read `rpm -qa` output line \"{line}\"",
                    "expected name, epoch, version, release, arch and source rpm separated by tabs");
            }
            if (fields[0] == "gpg-pubkey" || fields[5] == "(none)")
            {
                continue;
            }
            packages.Add(new InstalledRpm(fields[0], epoch, fields[2], fields[3], fields[4], fields[5]));
        }
        return packages;
    }
}
