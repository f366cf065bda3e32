using System.CommandLine;
using ReproGet.Core.Errors;
using ReproGet.Core.Operations.Quorum;
using ReproGet.Core.Projects;

namespace ReproGet.Cli.Commands.Rebuilder;

/// <summary>The rebuilder quorum options of download, install, bundle, verify and `rebuilder check`, bound to a <see cref="QuorumPolicy"/>.</summary>
internal static class RebuilderOptions
{
    public static readonly Option<string[]> Rebuilders = new("--rebuilder")
    {
        Description = "A rebuilderd instance and its pinned key: NAME=URL,KEYFILE (URL is the instance base, the API is URL/api/v1; "
            + "KEYFILE a PEM public key as the instance publishes it). Repeat for each rebuilder",
        AllowMultipleArgumentsPerToken = false,
        HelpName = "NAME=URL,KEYFILE",
    };

    public static readonly Option<int?> Threshold = new("--threshold")
    {
        Description = "Refuse (before anything is installed) every Debian/Arch package fewer than N distinct rebuilders attest",
        HelpName = "N",
    };

    public static readonly Option<string[]> Allow = new("--rebuilder-allow")
    {
        Description = "A package name let through without a quorum (known not to reproduce); repeatable",
        HelpName = "PACKAGE",
    };

    public static readonly Option<string?> Config = new("--config")
    {
        Description = $"The project file whose providers, [[rebuilder]] tables, threshold and allow list apply (default: ./{ProjectFile.DefaultName} if it exists); "
            + "--provider, --rebuilder and --threshold override it",
        HelpName = "FILE",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Rebuilders);
        command.Options.Add(Threshold);
        command.Options.Add(Allow);
    }

    /// <summary>
    /// The configured check, or null when no threshold is set (then there is nothing to enforce). The command line
    /// wins over the project file: --rebuilder replaces its [[rebuilder]] tables, --threshold its threshold; the allow
    /// lists are joined.
    /// </summary>
    public static QuorumPolicy? Bind(CommandContext context)
    {
        var specs = context.ParseResult.GetValue(Rebuilders) ?? [];
        var project = Project(context);
        IReadOnlyList<RebuilderConfig> rebuilders = specs.Length > 0
            ? [.. specs.Select(RebuilderConfig.Parse)]
            : [.. (project?.Rebuilders ?? []).Select(r => RebuilderConfig.Create(r.Name, r.Url.ToString(), r.KeyPath))];
        var threshold = context.ParseResult.GetValue(Threshold) ?? project?.Threshold;
        if (threshold is null)
        {
            if (specs.Length > 0)
            {
                throw new ReproGetException("--rebuilder is set but --threshold is not", "pass --threshold N: how many rebuilders must attest each package");
            }
            return null;
        }
        if (rebuilders.Count == 0)
        {
            throw new ReproGetException("--threshold is set but no --rebuilder", "pass --rebuilder NAME=URL,KEYFILE for each rebuilder you trust");
        }
        return new QuorumPolicy(rebuilders, threshold.Value,
            (context.ParseResult.GetValue(Allow) ?? []).Concat(project?.Allow ?? []).ToHashSet(StringComparer.Ordinal));
    }

    private static ProjectFile? Project(CommandContext context)
    {
        var path = context.ParseResult.GetValue(Config);
        if (path is null && !File.Exists(ProjectFile.DefaultName))
        {
            return null;
        }
        return ProjectFileReader.Read(path ?? ProjectFile.DefaultName, [.. DistroCatalog.Names.Where(n => n != "none")]);
    }
}
