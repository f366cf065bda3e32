using System.CommandLine;
using System.Text;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Cli.Commands.Hash;

public static class HashGenerateCommand
{
    public static readonly Option<bool> AllowMissing = new("--allow-missing")
    {
        Description = "Skip, with a warning, installed packages that no index knows (instead of failing)",
    };

    public static readonly Option<bool> NoProvenance = new("--no-provenance")
    {
        Description = "Do not lock the distro's signature chain (Debian: dists/…/InRelease and Packages lines)",
    };

    public static Command Create()
    {
        var packages = new Argument<string[]>("PACKAGE") { Description = "Packages to lock (default: every installed package)", Arity = ArgumentArity.ZeroOrMore };
        var dedupe = new Option<string?>("--dedupe") { Description = "Leave out files that this lockfile already pins (e.g. the base image's)" };
        var command = new Command("generate", """
            Write SHA256SUMS lines (sorted by name) for the installed package files, read from the package
            manager's own databases and indexes. Installed packages are locked at their installed version; a named
            package that is not installed gets its candidate version.

            Example:
              repro-get hash generate > SHA256SUMS-base
              apt-get install -y hello
              repro-get hash generate --dedupe SHA256SUMS-base > SHA256SUMS-amd64
            """);
        command.Arguments.Add(packages);
        command.Options.Add(dedupe);
        command.Options.Add(AllowMissing);
        command.Options.Add(NoProvenance);
        command.SetAction(async (context, cancellationToken) =>
        {
            var locked = await LockAsync(context, context.ParseResult.GetValue(packages) ?? [], cancellationToken).ConfigureAwait(false);
            if (context.ParseResult.GetValue(dedupe) is { } dedupePath)
            {
                locked = LockDedupe.Apply(locked, dedupePath);
            }
            context.Output.Write(Format(locked));
            return ExitCodes.Success;
        });
        return command;
    }

    public static async Task<IReadOnlyList<LockedFile>> LockAsync(CommandContext context, IReadOnlyList<string> packages,
        CancellationToken cancellationToken)
    {
        var distro = context.Distro;
        var locker = distro.Locker ?? throw new NotSupportedByDistroException(distro.Name, "hash generate");
        var request = new LockRequest(packages, context.ParseResult.GetValue(AllowMissing)) { Provenance = !context.ParseResult.GetValue(NoProvenance) };
        var locked = await locker.LockAsync(context.DistroContext, request, cancellationToken).ConfigureAwait(false);
        return [.. locked.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    public static string Format(IEnumerable<LockedFile> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append(file.Sha256.Hex).Append("  ").Append(file.Name).Append('\n');
        }
        return text.ToString();
    }
}
