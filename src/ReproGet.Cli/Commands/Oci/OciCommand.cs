using System.CommandLine;

namespace ReproGet.Cli.Commands.Oci;

internal static class OciCommand
{
    public static Command Create()
    {
        var command = new Command("oci", """
            Mirror pinned files to an OCI registry you own, so a lock outlives the distro's mirrors. Pull them back
            with the provider oci://REGISTRY/REPO (credentials as docker/podman keep them).
            """);
        command.Subcommands.Add(OciPushCommand.Create());
        return command;
    }
}
