using System.CommandLine;

namespace ReproGet.Cli.Commands.Hash;

internal static class HashCommand
{
    public static Command Create()
    {
        var command = new Command("hash", "Generate, update and inspect SHA256SUMS lockfiles");
        command.Subcommands.Add(HashGenerateCommand.Create());
        command.Subcommands.Add(HashUpdateCommand.Create());
        command.Subcommands.Add(HashInspectCommand.Create());
        return command;
    }
}
