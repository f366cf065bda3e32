using System.CommandLine;
using ReproGet.Cli.Commands;
using ReproGet.Cli.Output;
using ReproGet.Cli.Commands.Cache;
using ReproGet.Cli.Commands.Dockerfile;
using ReproGet.Cli.Commands.Hash;
using ReproGet.Cli.Commands.Ipfs;
using ReproGet.Cli.Commands.Lock;
using ReproGet.Cli.Commands.Oci;
using ReproGet.Cli.Commands.Attest;
using ReproGet.Cli.Commands.Rebuilder;

namespace ReproGet.Cli;

/// <summary>The command tree of <c>repro-get</c>, compatible with the Go tool's commands, flags and variables.</summary>
public static class CliApp
{
    // Built once: the options are shared objects, and a tree is only read while parsing (tests run many at once).
    private static readonly Lazy<RootCommand> Tree = new(Build);

    /// <summary>Runs one invocation; <paramref name="configuration"/> carries the Output/Error writers (tests pass string writers).</summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null,
        CancellationToken cancellationToken = default)
    {
        var parseResult = Tree.Value.Parse(args);
        if (UnknownOptions.Report(parseResult, configuration?.Error ?? Console.Error))
        {
            return ExitCodes.Failure;
        }
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand Build()
    {
        var root = new RootCommand("""
            repro-get: lock the exact package files a system has installed (SHA256SUMS), fetch them by hash from
            any number of sources (mirrors, snapshot archives, OCI registries, directories, IPFS gateways),
            verify every byte, and install them with the distro's own tool.

            Example:
              repro-get hash generate > SHA256SUMS-amd64
              repro-get install SHA256SUMS-amd64
            """);
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(InstallCommand.Create());
        root.Subcommands.Add(DownloadCommand.Create());
        root.Subcommands.Add(HashCommand.Create());
        root.Subcommands.Add(CacheCommand.Create());
        root.Subcommands.Add(OciCommand.Create());
        root.Subcommands.Add(IpfsCommand.Create());
        root.Subcommands.Add(BundleCommand.Create());
        root.Subcommands.Add(DockerfileCommand.Create());
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(Commands.Verify.VerifyCommand.Create());
        root.Subcommands.Add(RebuilderCommand.Create());
        root.Subcommands.Add(AttestCommand.Create());
        root.Subcommands.Add(SbomCommand.Create());
        root.Subcommands.Add(LockCommand.Create());
        HelpDetails.Install(root);
        return root;
    }
}
