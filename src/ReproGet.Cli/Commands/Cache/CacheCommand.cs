using System.CommandLine;

namespace ReproGet.Cli.Commands.Cache;

internal static class CacheCommand
{
    public static Command Create()
    {
        var command = new Command("cache", "List, import, export, verify and clean the content cache");
        command.Subcommands.Add(CacheListCommand.Create());
        command.Subcommands.Add(CacheImportCommand.Create());
        command.Subcommands.Add(CacheExportCommand.Create());
        command.Subcommands.Add(CacheVerifyCommand.Create());
        command.Subcommands.Add(CacheCleanCommand.Create());
        return command;
    }
}
