using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ReproGet.Cli.Output;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;

namespace ReproGet.Cli.Commands.Hash;

internal static class HashInspectCommand
{
    public static Command Create()
    {
        var lockfiles = LockfileArguments.Create();
        var command = new Command("inspect", """
            Print the parsed lockfiles as JSON (the Go tool's shape): name, base name, SHA-256, CID, epoch and the
            package identity each name carries. Validates every line.

            Example:
              repro-get hash inspect SHA256SUMS-amd64
            """);
        command.Arguments.Add(lockfiles);
        command.SetAction((context, _) =>
        {
            var entries = LockfileArguments.Read(context, lockfiles);
            JsonOutput.Write(context.Output, writer =>
            {
                writer.WriteStartObject();
                foreach (var entry in entries)
                {
                    writer.WritePropertyName(entry.Name);
                    WriteEntry(writer, entry);
                }
                writer.WriteEndObject();
            });
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void WriteEntry(Utf8JsonWriter writer, LockEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("Name", entry.Name);
        writer.WriteString("Basename", entry.Basename);
        writer.WriteString("SHA256", entry.Sha256.Hex);
        if (entry.Cid is not null)
        {
            writer.WriteString("CID", entry.Cid);
        }
        if (entry.Epoch is { } epoch)
        {
            writer.WriteString("Epoch", FormatRfc3339(epoch));
        }
        if (entry.Package is { } package)
        {
            WritePackage(writer, package);
        }
        writer.WriteEndObject();
    }

    private static void WritePackage(Utf8JsonWriter writer, PackageFileName package)
    {
        writer.WriteStartObject(package.Kind switch
        {
            PackageKind.Deb => "Dpkg",
            PackageKind.Rpm => "RPM",
            PackageKind.Apk => "APK",
            _ => "Pacman",
        });
        writer.WriteString("Package", package.Package);
        writer.WriteString("Version", package.Version);
        if (package.Release is not null)
        {
            writer.WriteString("Release", package.Release);
        }
        if (!string.IsNullOrEmpty(package.Architecture))
        {
            writer.WriteString("Architecture", package.Architecture);
        }
        writer.WriteEndObject();
    }

    // Go's RFC 3339 with nanoseconds: fractional digits only when non-zero, trailing zeros trimmed.
    internal static string FormatRfc3339(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var ticks = utc.Ticks % TimeSpan.TicksPerSecond;
        if (ticks != 0)
        {
            text += "." + ticks.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
        }
        return text + "Z";
    }
}
