using System.CommandLine;
using ReproGet.Core.Fetching;

namespace ReproGet.Cli.Commands;

/// <summary>The fetch-tuning options shared by <c>download</c> and <c>install</c>.</summary>
internal static class FetchOptionsBinder
{
    public static readonly Option<int> Jobs = new("--jobs", "-j")
    {
        Description = "Files to download at once",
        DefaultValueFactory = _ => FetchOptions.DefaultJobs,
    };

    public static readonly Option<int> PerHost = new("--per-host")
    {
        Description = "Connections to one host at once",
        DefaultValueFactory = _ => FetchOptions.DefaultPerHost,
    };

    public static readonly Option<int> StallTimeout = new("--stall-timeout")
    {
        Description = "Seconds without a byte before a transfer is broken off and resumed",
        DefaultValueFactory = _ => 30,
    };

    public static readonly Option<string?> CaFile = new("--ca-file")
    {
        Description = "PEM file of extra CA certificates to trust for https and oci (a private registry or mirror) [$SSL_CERT_FILE]",
        DefaultValueFactory = _ => DefaultCaFile(),
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Jobs);
        command.Options.Add(PerHost);
        command.Options.Add(StallTimeout);
        command.Options.Add(CaFile);
    }

    /// <summary>The options as given; for a command without them (<c>hash generate</c>), the defaults and <c>$SSL_CERT_FILE</c>.</summary>
    public static FetchOptions Bind(ParseResult parseResult)
    {
        if (!parseResult.CommandResult.Command.Options.Contains(Jobs))
        {
            return new FetchOptions { CaFile = DefaultCaFile() };
        }
        return new FetchOptions
        {
            Jobs = Math.Max(1, parseResult.GetValue(Jobs)),
            PerHost = Math.Max(1, parseResult.GetValue(PerHost)),
            StallTimeout = TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(StallTimeout))),
            CaFile = parseResult.GetValue(CaFile),
        };
    }

    private static string? DefaultCaFile() =>
        Environment.GetEnvironmentVariable("SSL_CERT_FILE") is { Length: > 0 } file ? file : null;
}
