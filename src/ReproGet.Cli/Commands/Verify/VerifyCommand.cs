using System.CommandLine;
using ReproGet.Cli.Output;
using ReproGet.Cli.Commands.Rebuilder;
using ReproGet.Core.Operations.Verify;

namespace ReproGet.Cli.Commands.Verify;

internal static class VerifyCommand
{
    public static readonly Option<bool> RequireProvenance = new("--require-provenance")
    {
        Description = "Fail on entries the distro's signatures do not cover (a lock without a chain), not only on broken ones",
    };

    public static readonly Option<string[]> Keyring = new("--keyring")
    {
        Description = "OpenPGP keyring to trust (repeatable; default: the root's /usr/share/keyrings/debian-archive-keyring.gpg and /etc/apt/trusted.gpg.d)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Command Create()
    {
        var lockfiles = LockfileArguments.Create();
        var offline = new Option<bool>("--offline") { Description = "Use only the cache: fail on missing files instead of fetching them" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("verify", """
            Check, offline, that the distro signed every package file of the lockfiles. For Debian and Ubuntu the lock
            carries the chain (dists/<suite>/InRelease → Packages index → .deb) written by `hash generate`; each
            package is reported verified (key fingerprint and uid, suite, InRelease Date), unproven (no chain) or
            failed (which link broke, and why). Old signatures are judged as of their own date. Missing chain files
            are fetched first unless --offline. With a rebuilder quorum (--threshold, --rebuilder), each Debian/Arch
            package also gets a quorum row; --offline re-checks it from the attestations in the cache (or those a
            bundle carried, after `cache import BUNDLE/`). Exit status 0 only if nothing failed.

            Example:
              repro-get verify SHA256SUMS-amd64
              unshare -n repro-get verify --offline --require-provenance --json SHA256SUMS-amd64
            """);
        command.Arguments.Add(lockfiles);
        command.Options.Add(offline);
        command.Options.Add(json);
        command.Options.Add(RequireProvenance);
        command.Options.Add(Keyring);
        FetchOptionsBinder.AddTo(command);
        RebuilderOptions.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var entries = LockfileArguments.Read(context, lockfiles);
            var options = new VerifyOptions(context.ParseResult.GetValue(Keyring) ?? [], context.ParseResult.GetValue(RequireProvenance),
                context.ParseResult.GetValue(offline), RebuilderOptions.Bind(context));
            var result = await VerifyOperation.VerifyAsync(context.Operation, entries, options, cancellationToken).ConfigureAwait(false);
            FetchReportText.ThrowIfIncomplete(result.Fetch);
            var report = result.Report!;
            VerifyReportRenderer.Write(context, report, context.ParseResult.GetValue(json));
            return report.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
