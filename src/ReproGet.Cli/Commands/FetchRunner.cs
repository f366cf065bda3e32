using System.Globalization;
using System.Text;
using ReproGet.Cli.Output;
using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Cli.Commands;

/// <summary>Fetches entries into the cache with progress and a summary; one error lists every file that could not be had.</summary>
public static class FetchRunner
{
    public static async Task FetchAsync(CommandContext context, ContentCache cache, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken)
    {
        var providers = context.Providers();
        var options = FetchOptionsBinder.Bind(context.ParseResult);
        IReadOnlyList<FetchOutcome> outcomes;
        using (var progress = new FetchProgressRenderer(context.Log, entries.Count))
        {
            var fetcher = new Fetcher(cache, SourceCatalog.Create(options, context.Log), options, progress);
            outcomes = await fetcher.FetchAsync(entries, providers, cancellationToken).ConfigureAwait(false);
            context.Log.Info(Summary(outcomes, progress.Elapsed));
        }
        var failed = outcomes.Where(o => o.Status == FetchStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            throw new ReproGetException(FailureReport(failed, outcomes.Count),
                "check the providers with `repro-get info`, or add one that has these files with --provider");
        }
    }

    private static string Summary(IReadOnlyList<FetchOutcome> outcomes, TimeSpan elapsed)
    {
        var downloaded = outcomes.Where(o => o.Status == FetchStatus.Downloaded).ToList();
        var bytes = downloaded.Sum(o => o.Bytes);
        var hosts = downloaded.GroupBy(o => Host(o.Provider!)).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} ({g.Count()})");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{outcomes.Count} files: {outcomes.Count(o => o.Status == FetchStatus.Cached)} cached, {downloaded.Count} downloaded "
            + $"({ByteSize.Format(bytes)} in {elapsed.TotalSeconds:0.00} s, {ByteSize.Format(bytes / Math.Max(elapsed.TotalSeconds, 0.001))}/s)");
        var failed = outcomes.Count(o => o.Status == FetchStatus.Failed);
        text += failed > 0 ? $", {failed} failed" : "";
        return downloaded.Count > 0 ? $"{text}; from {string.Join(", ", hosts)}" : text;
    }

    private static string FailureReport(IReadOnlyList<FetchOutcome> failed, int total)
    {
        var text = new StringBuilder($"could not fetch {failed.Count} of {total} files:");
        foreach (var outcome in failed)
        {
            text.Append('\n').Append("  ").Append(outcome.Entry.Name).Append(" (sha256 ").Append(outcome.Entry.Sha256.Hex).Append(')');
            foreach (var failure in outcome.Failures)
            {
                text.Append("\n    - ").Append(Render(failure));
            }
        }
        return text.ToString();
    }

    /// <summary>One provider's failure as the report prints it: the provider, then what went wrong there.</summary>
    private static string Render(ProviderFailure failure) => failure.Reason switch
    {
        ProviderFailureReason.Deadline => $"{failure.Provider}: {failure.Detail} (--file-deadline)",
        ProviderFailureReason.TooLarge when failure.Detail.Contains("--max-file-size", StringComparison.Ordinal)
            => $"{failure.Provider}: {failure.Detail} (raise it with --max-file-size if the file is really that big)",
        _ => $"{failure.Provider}: {failure.Detail}",
    };

    private static string Host(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? (uri.IsFile ? "file" : uri.Authority) : url;
}
