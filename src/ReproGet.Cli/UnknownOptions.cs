using System.CommandLine;
using System.CommandLine.Parsing;
using ReproGet.Cli.Output;

namespace ReproGet.Cli;

/// <summary>
/// An option the command does not define is an error naming it and the command's <c>--help</c>. Left alone,
/// System.CommandLine hands it to the command's arguments, and <c>hash generate --snapshot-base X</c> failed with
/// 'invalid package name "--snapshot-base"'. A value that really starts with '-' can follow <c>--</c>.
/// </summary>
internal static class UnknownOptions
{
    /// <summary>Writes the error and returns true when <paramref name="parseResult"/> has an unknown option.</summary>
    public static bool Report(ParseResult parseResult, TextWriter error)
    {
        var unknown = Find(parseResult);
        if (unknown is null)
        {
            return false;
        }
        var command = CommandPath(parseResult.CommandResult);
        var log = new ConsoleStatusLog(error, debug: false);
        log.Error($"unknown option \"{Escape(unknown)}\" for `{command}`");
        log.Hint($"see `{command} --help` for its options; an argument that starts with '-' goes after `--`");
        return true;
    }

    private static string? Find(ParseResult parseResult)
    {
        var afterDoubleDash = parseResult.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).ToHashSet(ReferenceEqualityComparer.Instance);
        var arguments = parseResult.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens)
            .Where(t => !afterDoubleDash.Contains(t))
            .Select(t => t.Value);
        return parseResult.UnmatchedTokens.Concat(arguments).FirstOrDefault(LooksLikeOption);
    }

    // "-" alone is the usual name of stdin.
    private static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-';

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult command)
            {
                names.Add(command.Command is RootCommand ? "repro-get" : command.Command.Name);
            }
        }
        names.Reverse();
        return string.Join(' ', names);
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
