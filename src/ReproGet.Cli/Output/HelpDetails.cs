using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ReproGet.Cli.Output;

/// <summary>
/// Keeps command listings to one line each while a command's own <c>--help</c> shows everything: a description's
/// first sentence is its summary; the rest (details, examples) is printed after the standard help.
/// Also makes <c>--version</c> print <c>repro-get version X</c>, as the Go tool does.
/// </summary>
internal static class HelpDetails
{
    public static void Install(RootCommand root)
    {
        var details = new Dictionary<Command, string>();
        Split(root, details);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new DetailedHelpAction((SynchronousCommandLineAction)help.Action!, details);
        var version = root.Options.OfType<VersionOption>().Single();
        version.Action = new GoStyleVersionAction();
    }

    private static void Split(Command command, Dictionary<Command, string> details)
    {
        var text = string.Join('\n', (command.Description ?? "").Split('\n').Select(l => l.TrimEnd('\r')));
        var paragraph = text.IndexOf("\n\n", StringComparison.Ordinal);
        var first = string.Join(' ', (paragraph > 0 ? text[..paragraph] : text).Split('\n', StringSplitOptions.TrimEntries));
        var sentence = first.IndexOf(". ", StringComparison.Ordinal);
        var rest = sentence > 0 ? first[(sentence + 2)..] : "";
        var more = paragraph > 0 ? text[(paragraph + 2)..] : "";
        if (rest.Length > 0 || more.Length > 0)
        {
            command.Description = sentence > 0 ? first[..(sentence + 1)] : first;
            details[command] = rest.Length > 0 && more.Length > 0 ? $"{rest}\n\n{more}" : rest + more;
        }
        foreach (var child in command.Subcommands)
        {
            Split(child, details);
        }
    }

    private sealed class DetailedHelpAction(SynchronousCommandLineAction standard, Dictionary<Command, string> details)
        : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var result = standard.Invoke(parseResult);
            if (details.TryGetValue(parseResult.CommandResult.Command, out var more))
            {
                var output = parseResult.InvocationConfiguration.Output;
                foreach (var line in more.Split('\n'))
                {
                    output.WriteLine(line.Length == 0 ? "" : "  " + line);
                }
                output.WriteLine();
            }
            return result;
        }
    }

    private sealed class GoStyleVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"repro-get version {SourceCatalog.Version}");
            return ExitCodes.Success;
        }
    }
}
