using System.CommandLine;

namespace ReproGet.Cli.Commands.Dockerfile;

internal static class DockerfileCommand
{
    public static Command Create()
    {
        var command = new Command("dockerfile", "Dockerfiles that install exactly the locked packages, reproducibly");
        command.Subcommands.Add(DockerfileGenerateCommand.Create());
        return command;
    }
}
