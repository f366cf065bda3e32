using System.CommandLine;

namespace ReproGet.Cli.Commands.Attest;

internal static class AttestCommand
{
    public static Command Create()
    {
        var command = new Command("attest", """
            Build attestations that N workers can compare: an in-toto Statement v1 with a SLSA Provenance v1 predicate
            (outputs as subjects, every locked package as a purl with its sha256), signed as a DSSE envelope (Ed25519).
            """);
        command.Subcommands.Add(AttestKeygenCommand.Create());
        command.Subcommands.Add(AttestBuildCommand.Create());
        command.Subcommands.Add(AttestVerifyCommand.Create());
        return command;
    }
}
