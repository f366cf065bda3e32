using System.Globalization;
using System.Text;
using ReproGet.Core.Errors;
using ReproGet.Core.Fetching;
using ReproGet.Core.Operations.Fetching;

namespace ReproGet.Cli.Output;

/// <summary>A fetch report as people read it: the summary line, and one error listing every file that could not be had.</summary>
internal static class FetchReportText
{
    public static string Summary(FetchReport report)
    {
        var outcomes = report.Outcomes;
        var downloaded = outcomes.Where(o => o.Status == FetchStatus.Downloaded).ToList();
        var bytes = downloaded.Sum(o => o.Bytes);
        var seconds = report.Elapsed.TotalSeconds;
        var hosts = downloaded.GroupBy(o => Host(o.Provider!)).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} ({g.Count()})");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{outcomes.Count} files: {outcomes.Count(o => o.Status == FetchStatus.Cached)} cached, {downloaded.Count} downloaded "
            + $"({ByteSize.Format(bytes)} in {seconds:0.00} s, {ByteSize.Format(bytes / Math.Max(seconds, 0.001))}/s)");
        text += report.Failed.Count > 0 ? $", {report.Failed.Count} failed" : "";
        return downloaded.Count > 0 ? $"{text}; from {string.Join(", ", hosts)}" : text;
    }

    /// <summary>Throws the one error naming every file of an incomplete fetch and each provider's reason.</summary>
    public static void ThrowIfIncomplete(FetchReport? report)
    {
        if (report is null || report.IsComplete)
        {
            return;
        }
        var text = new StringBuilder($"could not fetch {report.Failed.Count} of {report.Outcomes.Count} files:");
        foreach (var outcome in report.Failed)
        {
            text.Append('\n').Append("  ").Append(outcome.Entry.Name).Append(" (sha256 ").Append(outcome.Entry.Sha256.Hex).Append(')');
            foreach (var failure in outcome.Failures)
            {
                text.Append("\n    - ").Append(Render(failure));
            }
        }
        throw new ReproGetException(text.ToString(),
            "check the providers with `repro-get info`, or add one that has these files with --provider");
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
