using System.CommandLine;
using System.Text;
using ReproGet.Core.Attestations;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations.Attest;

namespace ReproGet.Cli.Commands.Attest;

internal static class AttestBuildCommand
{
    public static Command Create()
    {
        var outputs = new Argument<string[]>("FILE") { Description = "Built files to attest, or NAME@sha256:HEX for an image", Arity = ArgumentArity.OneOrMore };
        var locks = new Option<string[]>("--lock") { Description = "The lockfile(s) the build installed from", Required = true, HelpName = "LOCKFILE" };
        var key = new Option<string>("--key") { Description = "The worker's private key (PREFIX.key from `attest keygen`)", Required = true, HelpName = "PREFIX.key" };
        var builder = new Option<string?>("--builder-id") { Description = "runDetails.builder.id (default: repro-get on this host)", HelpName = "URI" };
        var command = new Command("build", """
            Print (stdout) a DSSE envelope, payload type application/vnd.in-toto+json, of an in-toto Statement v1 whose
            subjects are the FILEs with their sha256 and whose SLSA Provenance v1 resolvedDependencies are every lock entry
            (a purl and its sha256) plus the lockfiles themselves. Timestamps are SOURCE_DATE_EPOCH when it is set.
            BuildKit's own provenance cannot see packages installed inside RUN: this records them.

            Example:
              repro-get attest build rootfs.tar --lock SHA256SUMS-amd64 --key worker1.key > worker1.dsse.json
            """);
        command.Arguments.Add(outputs);
        command.Options.Add(locks);
        command.Options.Add(key);
        command.Options.Add(builder);
        command.SetAction(async (context, cancellationToken) =>
        {
            var lockfiles = context.ParseResult.GetValue(locks)!;
            var entries = Sha256SumsReader.ReadFiles(lockfiles, CommandContext.Environment(LockfileEpoch.EnvironmentVariable));
            var epoch = CommandContext.Environment(LockfileEpoch.EnvironmentVariable);
            var time = string.IsNullOrEmpty(epoch) ? DateTimeOffset.UtcNow : LockfileEpoch.Parse(epoch);
            var (envelope, statement) = await AttestBuild.RunAsync(new AttestBuild.Request(
                context.ParseResult.GetValue(outputs)!, lockfiles, entries,
                Ed25519PrivateKey.FromFile(context.ParseResult.GetValue(key)!),
                context.ParseResult.GetValue(builder) ?? $"https://github.com/reproducible-containers/repro-get@{SourceCatalog.Version}#{Environment.MachineName}",
                time, time), cancellationToken).ConfigureAwait(false);
            context.Output.Write(Encoding.UTF8.GetString(envelope.ToJson()));
            context.Log.Info($"attested {statement.Subjects.Count} subjects from {statement.ResolvedDependencies.Count} inputs");
            return ExitCodes.Success;
        });
        return command;
    }
}
