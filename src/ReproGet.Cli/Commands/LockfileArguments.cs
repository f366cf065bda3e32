using System.CommandLine;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Cli.Commands;

/// <summary>One or more SHA256SUMS files, parsed and validated together.</summary>
internal static class LockfileArguments
{
    public static Argument<string[]> Create() => new("SHA256SUMS")
    {
        Description = "Lockfiles (SHA256SUMS format); later files override earlier entries of the same name",
        Arity = ArgumentArity.OneOrMore,
    };

    public static IReadOnlyList<LockEntry> Read(CommandContext context, Argument<string[]> argument) =>
        Sha256SumsReader.ReadFiles(context.ParseResult.GetValue(argument) ?? [],
            CommandContext.Environment(LockfileEpoch.EnvironmentVariable));
}
