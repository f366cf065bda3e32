using System.CommandLine;
using ReproGet.Cli.Commands.Rebuilder;
using ReproGet.Core.Projects;

namespace ReproGet.Cli;

/// <summary>
/// The project file's <c>providers</c>, for the commands that read a project file with <c>--config</c> (download,
/// install, verify, rebuilder check; default <c>./repro-get.toml</c> when it exists): they are used when the command
/// line names no <c>--provider</c>, before the distro's defaults.
/// </summary>
internal static class ProjectFileProviders
{
    public static IReadOnlyList<string> For(ParseResult parseResult)
    {
        if (!parseResult.CommandResult.Command.Options.Contains(RebuilderOptions.Config))
        {
            return [];
        }
        var path = parseResult.GetValue(RebuilderOptions.Config);
        if (path is null && !File.Exists(ProjectFile.DefaultName))
        {
            return [];
        }
        return ProjectFileReader.Read(path ?? ProjectFile.DefaultName, [.. DistroCatalog.Names.Where(n => n != "none")]).Providers;
    }
}
