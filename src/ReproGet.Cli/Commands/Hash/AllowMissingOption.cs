using System.CommandLine;

namespace ReproGet.Cli.Commands.Hash;

/// <summary><c>--allow-missing</c> of <c>hash generate</c> and <c>hash update</c>: the lock operation's one policy switch.</summary>
internal static class AllowMissingOption
{
    public static Option<bool> Create() => new("--allow-missing")
    {
        Description = "Leave out installed packages that no index knows, with one summary warning, instead of failing (an empty lock still fails)",
    };
}
