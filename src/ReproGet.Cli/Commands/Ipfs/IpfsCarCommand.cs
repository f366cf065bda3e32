using System.CommandLine;
using System.Globalization;
using ReproGet.Cli.Output;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.CacheTransfer;

namespace ReproGet.Cli.Commands.Ipfs;

internal static class IpfsCarCommand
{
    public static Command Create()
    {
        var command = new Command("car", """
            Bundle locked files as one CARv1 of their IPFS DAGs, or import such a bundle into the cache. A CAR is what
            `ipfs dag import` and deterministic VMs reading content-addressed data take.
            """);
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Import());
        return command;
    }

    private static Command Export()
    {
        var car = new Argument<string>("FILE.car") { Description = "The CAR to write (replaced if it exists)" };
        var lockfiles = LockfileArguments.Create();
        var command = new Command("export", """
            Write one CARv1 holding the DAGs of every file of the lockfiles, from the cache; its roots are their CIDs.
            Files whose lock entry has a CID keep exactly that CID; the others are laid out as `ipfs add` would
            (--cid-version). Prints '<sha256>  /ipfs/<CID>' for each file.

            Example:
              repro-get ipfs car export debs.car SHA256SUMS-amd64
              ipfs dag import debs.car
            """);
        command.Arguments.Add(car);
        command.Arguments.Add(lockfiles);
        UnixFsLayoutOptions.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            await ExportAsync(context, SourceCatalog.CarFiles(UnixFsLayoutOptions.Bind(context.ParseResult)), context.ParseResult.GetValue(car)!,
                LockfileArguments.Read(context, lockfiles), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Import()
    {
        var car = new Argument<string>("FILE.car") { Description = "The CAR bundle to import" };
        var lockfiles = new Argument<string[]>("SHA256SUMS")
        {
            Description = "Lockfiles whose /ipfs/ lines name the roots: each such file must have the locked SHA-256, and takes its name",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("import", """
            Import every root of a CARv1 into the cache as a file: each block is checked against its CID, each file is
            rebuilt from its verified DAG and stored under its SHA-256. Prints '<sha256>  /ipfs/<CID>' for each.

            Example:
              repro-get ipfs car import debs.car SHA256SUMS-amd64
              repro-get install SHA256SUMS-amd64
            """);
        command.Arguments.Add(car);
        command.Arguments.Add(lockfiles);
        command.SetAction(async (context, cancellationToken) =>
        {
            var files = context.ParseResult.GetValue(lockfiles) ?? [];
            var entries = files.Length == 0
                ? []
                : Sha256SumsReader.ReadFiles(files, CommandContext.Environment(LockfileEpoch.EnvironmentVariable));
            var imported = await CacheImportOperation.ImportCarAsync(context.Operation, SourceCatalog.CarFiles(),
                context.ParseResult.GetValue(car)!, entries, cancellationToken).ConfigureAwait(false);
            WriteCidLines(context, imported);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes the CAR of <paramref name="entries"/> from the cache (<c>ipfs car export</c>, <c>cache export --car</c>); prints each file's CID line.</summary>
    public static async Task ExportAsync(CommandContext context, ICarArchive archive, string path, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken)
    {
        var report = await CarExportOperation.ExportAsync(context.Operation, archive, path, entries, cancellationToken).ConfigureAwait(false);
        WriteCidLines(context, report.Files);
        context.Log.Info(string.Create(CultureInfo.InvariantCulture,
            $"wrote {path}: {report.Files.Count} files, {ByteSize.Format(report.Bytes)}"));
    }

    /// <summary>One <c>&lt;sha256&gt;  /ipfs/&lt;CID&gt;</c> line per file.</summary>
    public static void WriteCidLines(CommandContext context, IEnumerable<LockEntry> files)
    {
        foreach (var file in files)
        {
            context.Output.WriteLine(Sha256SumsWriter.IpfsLine(file.Sha256, file.Cid!));
        }
    }
}
