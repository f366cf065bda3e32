using System.CommandLine;
using ReproGet.Core.Operations.Locking;
using ReproGet.Core.Projects;

namespace ReproGet.Cli.Commands.Lock;

/// <summary><c>repro-get lock</c>: a project file in, one <c>SHA256SUMS-&lt;arch&gt;</c> per architecture out (or, with <c>--check</c>, what would change).</summary>
public static class LockCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The project file", DefaultValueFactory = _ => ProjectFile.DefaultName };
        var architectures = new Option<string[]>("--arch") { Description = "Lock only this architecture (repeatable; default: every one the project lists)" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit non-zero and print what would change when a lock is not current" };
        var noProvenance = Hash.NoProvenanceOption.Create();
        var refresh = new Option<bool>("--refresh") { Description = "Fetch the indexes again even when the cached ones are less than an hour old" };
        var command = new Command("lock", """
            Resolve the packages of a project file (repro-get.toml) with the distro's own solver (apt-get) in a
            private state under the cache, for any architecture, without installing anything, and write
            SHA256SUMS-<arch> next to the project file (the same lines as `hash generate`).
            `--check` compares the locks with a fresh resolution against the archive: exit 0 when current.

            Example:
              repro-get lock --config ./repro-get.toml
              repro-get lock --check || echo "locks are out of date"
            """);
        command.Options.Add(config);
        command.Options.Add(architectures);
        command.Options.Add(check);
        command.Options.Add(refresh);
        command.Options.Add(noProvenance);
        command.SetAction(async (context, cancellationToken) =>
        {
            var project = ProjectFileReader.Read(context.ParseResult.GetValue(config)!, [.. DistroCatalog.Names.Where(n => n != "none")]);
            var distro = DistroCatalog.Resolve(project.Distro, context.Root, context.Log);
            var options = new ProjectLockOptions(context.ParseResult.GetValue(architectures) ?? [], context.ParseResult.GetValue(check),
                context.ParseResult.GetValue(refresh), context.CacheRoot)
            {
                Provenance = !context.ParseResult.GetValue(noProvenance),
                Cache = context.Cache,
            };
            var result = await ProjectLock.RunAsync(project, distro, options, context.Log, cancellationToken).ConfigureAwait(false);
            foreach (var lockFile in result.Locks)
            {
                var name = Path.GetFileName(lockFile.Path);
                if (!lockFile.Existed)
                {
                    context.Output.WriteLine($"{name}: {(options.Check ? "missing" : "new")}");
                }
                foreach (var difference in lockFile.Existed ? lockFile.Differences : [])
                {
                    context.Output.WriteLine($"{name}: {difference}");
                }
                if (!options.Check)
                {
                    context.Log.Info($"{lockFile.Path}: {lockFile.Text.Split('\n').Count(l => l.Length > 0 && l[0] != '#')} files, resolved by {lockFile.Solver}");
                }
            }
            if (options.Check && !result.IsCurrent)
            {
                context.Log.Warn("locks are not current: run `repro-get lock` to update them");
                return ExitCodes.Failure;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
