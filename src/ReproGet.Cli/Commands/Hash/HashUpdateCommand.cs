using System.CommandLine;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Operations;

namespace ReproGet.Cli.Commands.Hash;

public static class HashUpdateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("SHA256SUMS") { Description = "The lockfile to update in place" };
        var command = new Command("update", """
            Re-lock the packages a lockfile names, at the versions now installed (or the candidates), rewriting it
            in place. Comments, non-package lines and the /ipfs/ lines of hashes still pinned are kept; what
            changed is printed on stderr as 'package: old → new'.

            Example:
              apt-get update && apt-get upgrade -y && repro-get hash update SHA256SUMS-amd64
            """);
        command.Arguments.Add(file);
        command.Options.Add(HashGenerateCommand.AllowMissing);
        command.Options.Add(HashGenerateCommand.NoProvenance);
        command.SetAction(async (context, cancellationToken) =>
        {
            var path = context.ParseResult.GetValue(file)!;
            var lines = LockfileText.ReadLines(path);
            var entries = Sha256SumsReader.Parse(path, lines, epoch: null);
            var keys = LockUpdate.PackageKeys(entries);
            if (keys.Count == 0)
            {
                throw new ReproGetException($"\"{path}\" names no package to update");
            }
            var locked = await HashGenerateCommand.LockAsync(context, keys, cancellationToken).ConfigureAwait(false);
            var distro = context.Distro;
            var result = LockUpdate.Apply(lines, locked,
                name => distro.Classify(new LockEntry(name, default)) == Core.Distros.EntryRole.Proof);
            if (result.Text == string.Concat(lines.Select(l => l + "\n")))
            {
                context.Log.Info($"no update: \"{path}\" is current");
                return ExitCodes.Success;
            }
            foreach (var change in result.Changes)
            {
                context.Log.Info($"{change.Package}: {change.OldVersion ?? "(new)"} → {change.NewVersion ?? "(removed)"}");
            }
            if (result.Changes.Count == 0)
            {
                context.Log.Info($"\"{path}\": packages unchanged, signature chain refreshed");
            }
            ReplaceFile(path, result.Text);
            return ExitCodes.Success;
        });
        return command;
    }

    // Write beside, keep the mode, rename over: an interrupted update never leaves a half-written lockfile.
    private static void ReplaceFile(string path, string text)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, text);
        File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
        File.Move(temp, path, overwrite: true);
    }
}
