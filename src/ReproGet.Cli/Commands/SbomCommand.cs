using System.CommandLine;
using System.Text;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Sbom;

namespace ReproGet.Cli.Commands;

internal static class SbomCommand
{
    public static Command Create()
    {
        var lockfiles = LockfileArguments.Create();
        var format = new Option<string>("--format") { Description = "cyclonedx (CycloneDX 1.6 JSON) or spdx (SPDX 2.3 JSON)", DefaultValueFactory = _ => "cyclonedx" };
        format.AcceptOnlyFromAmong("cyclonedx", "spdx");
        var distroNamespace = new Option<string?>("--purl-namespace") { Description = "The purl namespace (distro): debian, ubuntu, fedora, alpine, arch (default: by package format)" };
        var command = new Command("sbom", """
            Print (stdout) a software bill of materials of the lockfiles: every entry is a component with its package URL
            (pkg:deb/debian/hello@2.10-2?arch=amd64, pkg:rpm/…, pkg:apk/…, pkg:alpm/…) and its SHA-256.
            The timestamp is the lock's epoch (SOURCE_DATE_EPOCH or the lockfile's mtime), so the output is reproducible.

            Example:
              repro-get sbom SHA256SUMS-amd64 --format cyclonedx > bom.json
            """);
        command.Arguments.Add(lockfiles);
        command.Options.Add(format);
        command.Options.Add(distroNamespace);
        command.SetAction((context, _) =>
        {
            var paths = context.ParseResult.GetValue(lockfiles)!;
            var entries = LockfileArguments.Read(context, lockfiles);
            var epoch = entries.Select(e => e.Epoch).FirstOrDefault(e => e is not null)
                ?? LockfileEpoch.Resolve(paths[0], CommandContext.Environment(LockfileEpoch.EnvironmentVariable));
            var bytes = SbomWriter.Write(context.ParseResult.GetValue(format) == "spdx" ? SbomFormat.Spdx : SbomFormat.CycloneDx,
                new SbomWriter.Request(entries, SourceCatalog.Version, epoch, string.Join(" ", paths.Select(Path.GetFileName)),
                    context.ParseResult.GetValue(distroNamespace)));
            context.Output.Write(Encoding.UTF8.GetString(bytes));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
