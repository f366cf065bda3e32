using System.CommandLine;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Cli.Commands.Ipfs;

internal static class IpfsCidCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Files to compute the CID of ('-' for standard input)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("cid", """
            Print '<CID>  <file>' for each file: the CID `ipfs add` gives it, computed here without a node (256 KiB
            chunks, balanced DAG of 174 links, dag-pb leaves for CIDv0, raw leaves for CIDv1). Streams any file size
            in constant memory.

            Example:
              repro-get ipfs cid hello_2.10-2_amd64.deb
              repro-get ipfs cid --cid-version 1 /var/cache/repro-get/blobs/sha256/*
            """);
        command.Arguments.Add(files);
        UnixFsLayoutOptions.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var options = UnixFsLayoutOptions.Bind(context.ParseResult);
            var failed = 0;
            foreach (var file in context.ParseResult.GetValue(files) ?? [])
            {
                if (Directory.Exists(file))
                {
                    context.Log.Error($"{file}: is a directory");
                    failed++;
                    continue;
                }
                try
                {
                    await using var input = file == "-"
                        ? context.OpenStandardInput()
                        : new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                    var cid = await UnixFsImporter.ComputeAsync(input, options, sink: null, cancellationToken).ConfigureAwait(false);
                    context.Output.WriteLine($"{cid}  {file}");
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
                {
                    context.Log.Error($"{file}: no such file");
                    failed++;
                }
                catch (UnauthorizedAccessException)
                {
                    context.Log.Error($"{file}: permission denied");
                    failed++;
                }
                catch (IOException e)
                {
                    context.Log.Error($"{file}: cannot read: {e.Message}");
                    failed++;
                }
            }
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
