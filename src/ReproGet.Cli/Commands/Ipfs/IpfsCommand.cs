using System.CommandLine;

namespace ReproGet.Cli.Commands.Ipfs;

internal static class IpfsCommand
{
    public static Command Create()
    {
        var command = new Command("ipfs", """
            Compute IPFS CIDs and mirror pinned files to an IPFS node, so a lock outlives the distro's mirrors. Fetch
            them back with a gateway provider such as http://HOST:8080/ipfs/{{.CID}}: every block is checked against
            its CID as it arrives (CAR or raw blocks), and the file's SHA-256 at the end.
            """);
        command.Subcommands.Add(IpfsCidCommand.Create());
        command.Subcommands.Add(IpfsPushCommand.Create());
        command.Subcommands.Add(IpfsCarCommand.Create());
        return command;
    }
}
