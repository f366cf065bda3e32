using System.CommandLine;
using ReproGet.Core.Lockfiles;
using ReproGet.Cli.Output;

namespace ReproGet.Cli.Commands.Cache;

internal static class CacheListCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("ls", """
            List the cached blobs: sha256, size in bytes, and the base name they were fetched or imported under.

            Example:
              repro-get --cache ./cache cache ls --json
            """);
        command.Options.Add(json);
        command.SetAction((context, _) =>
        {
            var cache = context.OpenCache();
            var blobs = cache.List().ToList();
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Output, writer =>
                {
                    writer.WriteStartArray();
                    foreach (var blob in blobs)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("SHA256", blob.Sha256.Hex);
                        writer.WriteNumber("Size", blob.Size);
                        writer.WriteString("Basename", blob.Basename);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                });
            }
            else
            {
                foreach (var blob in blobs)
                {
                    context.Output.WriteLine($"{blob.Sha256.Hex}  {blob.Size,12}  {(blob.Basename is null ? "-" : NameEscaping.Escape(blob.Basename))}");
                }
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
