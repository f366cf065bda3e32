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

    public static readonly Option<long> SpeedLimit = new("--speed-limit")
    {
        Description = "Bytes per second below which a transfer, over --speed-time, is broken off (0: off)",
        DefaultValueFactory = _ => 1024,
    };

    public static readonly Option<int> SpeedTime = new("--speed-time")
    {
        Description = "Seconds over which --speed-limit is measured",
        DefaultValueFactory = _ => 30,
    };

    public static readonly Option<int> FileDeadline = new("--file-deadline")
    {
        Description = "Seconds one file may take over all its providers and retries (0: no deadline)",
        DefaultValueFactory = _ => 3600,
    };

    public static readonly Option<string> MaxFileSize = new("--max-file-size")
    {
        Description = "Most bytes a file of unknown size may have (suffixes K, M, G, T: powers of 1024); more is that provider's failure",
        DefaultValueFactory = _ => "4G",
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
        command.Options.Add(SpeedLimit);
        command.Options.Add(SpeedTime);
        command.Options.Add(FileDeadline);
        command.Options.Add(MaxFileSize);
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
            MinimumRate = Math.Max(0, parseResult.GetValue(SpeedLimit)),
            MinimumRateWindow = TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(SpeedTime))),
            FileDeadline = parseResult.GetValue(FileDeadline) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan,
            MaxFileSize = ParseSize(parseResult.GetValue(MaxFileSize) ?? "4G"),
            CaFile = parseResult.GetValue(CaFile),
        };
    }

    private static string? DefaultCaFile() =>
        Environment.GetEnvironmentVariable("SSL_CERT_FILE") is { Length: > 0 } file ? file : null;

    /// <summary>"4096", "512M", "4G": bytes, with an optional power-of-1024 suffix.</summary>
    public static long ParseSize(string text)
    {
        var trimmed = text.Trim().TrimEnd('B', 'b').TrimEnd('i');
        var shift = trimmed.Length == 0 ? 0 : char.ToUpperInvariant(trimmed[^1]) switch
        {
            'K' => 10,
            'M' => 20,
            'G' => 30,
            'T' => 40,
            _ => 0,
        };
        var number = shift == 0 ? trimmed : trimmed[..^1];
        if (!long.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value <= 0 || value > long.MaxValue >> shift)
        {
            throw new ReproGet.Core.Errors.ReproGetException($"--max-file-size \"{text}\" is not a size",
                "give bytes, optionally with K, M, G or T (powers of 1024), e.g. --max-file-size 8G");
        }
        return value << shift;
    }
}
