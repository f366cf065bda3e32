using System.CommandLine;
using System.Globalization;
using ReproGet.Cli.Output;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.UnixFs;

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
            await ExportAsync(context, context.ParseResult.GetValue(car)!, LockfileArguments.Read(context, lockfiles),
                UnixFsLayoutOptions.Bind(context.ParseResult), cancellationToken).ConfigureAwait(false);
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
            await ImportAsync(context, context.ParseResult.GetValue(car)!, entries, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes the CAR of <paramref name="entries"/> from the cache; prints each file's CID line.</summary>
    public static async Task ExportAsync(CommandContext context, string path, IReadOnlyList<LockEntry> entries,
        UnixFsImportOptions layout, CancellationToken cancellationToken)
    {
        var cache = context.OpenCache();
        var written = await new CarBundleWriter(cache, layout).WriteAsync(path, entries, cancellationToken).ConfigureAwait(false);
        foreach (var item in written)
        {
            context.Output.WriteLine(item.LockLine);
        }
        context.Log.Info(string.Create(CultureInfo.InvariantCulture,
            $"wrote {path}: {written.Count} files, {ByteSize.Format(new FileInfo(path).Length)}"));
    }

    /// <summary>Imports every root of a CAR into the cache, block by block verified; prints each file's CID line.</summary>
    public static async Task ImportAsync(CommandContext context, string path, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken)
    {
        var cache = context.OpenCache();
        var imported = await new CarBundleImporter(cache).ImportAsync(path, entries, cancellationToken).ConfigureAwait(false);
        foreach (var item in imported)
        {
            context.Output.WriteLine(item.LockLine);
        }
    }
}
