using System.CommandLine;
using ReproGet.Core.Attestations;
using ReproGet.Core.Errors;
using ReproGet.Core.Operations.Quorum;

namespace ReproGet.Cli.Commands.Rebuilder;

internal static class RebuilderCommand
{
    public static Command Create()
    {
        var command = new Command("rebuilder", "Rebuilder quorum: show instance keys for pinning, check a lock against pinned rebuilders");
        command.Subcommands.Add(Keys());
        command.Subcommands.Add(Check());
        return command;
    }

    private static Command Keys()
    {
        var url = new Argument<string>("URL") { Description = "The rebuilderd instance base (the API is URL/api/v1)" };
        var command = new Command("keys", """
            Show the public keys a rebuilderd instance publishes (URL/api/v1/meta/public-keys), to pin them.
            They are only shown: checks use the key files you pass with --rebuilder, never a key fetched at check time.
            Compare what you see with the instance's key published elsewhere before you pin it.

            Example:
              repro-get rebuilder keys https://reproduce.debian.net/amd64 > rdn-amd64.pub
            """);
        command.Arguments.Add(url);
        command.SetAction(async (context, cancellationToken) =>
        {
            var baseUrl = context.ParseResult.GetValue(url)!.TrimEnd('/');
            IReadOnlyList<string> keys;
            try
            {
                keys = await context.Operation.Rebuilders.PublicKeysAsync(baseUrl, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException)
            {
                throw new ReproGetException($"cannot read the keys of {RebuilderConfig.Escape(baseUrl)}: {e.Message}",
                    "check the URL: it is the instance base, e.g. https://reproduce.debian.net/amd64");
            }
            foreach (var pem in keys)
            {
                var key = Ed25519PublicKey.FromPem(pem, baseUrl);
                context.Log.Info($"Ed25519 key sha256:{key.KeyId}");
                context.Output.Write(pem.EndsWith('\n') ? pem : pem + "\n");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Check()
    {
        var lockfiles = LockfileArguments.Create();
        var offline = new Option<bool>("--offline") { Description = "Re-check from the attestations in the cache only (no network)" };
        var command = new Command("check", """
            Check every Debian/Arch package of the lockfiles against the rebuilder quorum and print the table:
            package -> which rebuilders attest it, disagree (a different sha256), have no record, or were unreachable.
            Attestations are cached by hash, so --offline re-checks later without the network.

            Example:
              repro-get rebuilder check --threshold 2 --rebuilder a=https://r1/,a.pub --rebuilder b=https://r2/,b.pub SHA256SUMS-amd64
            """);
        command.Arguments.Add(lockfiles);
        command.Options.Add(offline);
        RebuilderOptions.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var entries = LockfileArguments.Read(context, lockfiles);
            var configuration = RebuilderOptions.Bind(context)
                ?? throw new ReproGetException("no quorum to check", "pass --threshold N and --rebuilder NAME=URL,KEYFILE");
            var result = await QuorumOperation.CheckAsync(context.Operation, entries, configuration,
                context.ParseResult.GetValue(offline) ? QuorumCheck.Mode.Offline : QuorumCheck.Mode.Online, cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine(QuorumCheck.Table(result, configuration.Rebuilders, onlyRefused: false));
            if (result.NotChecked.Count > 0)
            {
                context.Log.Info($"{result.NotChecked.Count} entries are not Debian or Arch packages: not checked");
            }
            if (!result.Passed)
            {
                throw new ReproGetException($"rebuilder quorum not met for {result.Refused.Count} of {result.Packages.Count} packages",
                    "pin more rebuilders, lower --threshold, or --rebuilder-allow PACKAGE");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
