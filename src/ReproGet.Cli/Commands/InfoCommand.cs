using System.CommandLine;
using System.Text.Json;
using ReproGet.Cli.Output;
using ReproGet.Core.Hashing;

namespace ReproGet.Cli.Commands;

internal static class InfoCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("info", """
            Show the version, cache, schemes, distros, and the providers downloads will try. The providers are
            --provider when given, else the selected distro's defaults, in the order they are tried.

            Example:
              repro-get info --json
            """);
        command.Options.Add(json);
        command.SetAction((context, _) =>
        {
            var distro = context.Distro;
            var providers = context.RawProviders();
            if (context.ParseResult.GetValue(json))
            {
                JsonOutput.Write(context.Output, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("Version", SourceCatalog.Version);
                    writer.WriteString("Cache", context.CacheRoot);
                    WriteArray(writer, "Schemes", SourceCatalog.Schemes);
                    WriteArray(writer, "Distros", DistroCatalog.Names);
                    writer.WriteStartObject("Distro");
                    writer.WriteString("Name", distro.Name);
                    var defaults = distro.DefaultProviders(context.DistroContext);
                    if (defaults.Count == 0)
                    {
                        // The Go tool's nil slice: scripts written against it test for null.
                        writer.WriteNull("DefaultProviders");
                    }
                    else
                    {
                        WriteArray(writer, "DefaultProviders", defaults);
                    }
                    writer.WriteBoolean("Experimental", distro.IsExperimental);
                    writer.WriteEndObject();
                    WriteArray(writer, "Providers", providers);
                    writer.WriteString("Sha256Backend", Sha256Backend.Current.ToString());
                    writer.WriteEndObject();
                });
                return Task.FromResult(ExitCodes.Success);
            }
            string[] lines =
            [
                $"Version: {SourceCatalog.Version}",
                $"Cache: {context.CacheRoot}",
                $"Recognized schemes: {string.Join(' ', SourceCatalog.Schemes)}",
                $"Recognized distros: {string.Join(' ', DistroCatalog.Names)}",
                $"Distro: {distro.Name}",
                $"Root: {context.Root}",
                $"SHA-256: {Sha256Backend.Current}",
                "Providers:",
            ];
            foreach (var line in lines)
            {
                context.Output.WriteLine(line);
            }
            foreach (var provider in providers)
            {
                context.Output.WriteLine($"- {provider}");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }
}
