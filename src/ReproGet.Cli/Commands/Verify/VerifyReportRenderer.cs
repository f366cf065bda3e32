using ReproGet.Cli.Output;
using ReproGet.Core.Operations.Verify;

namespace ReproGet.Cli.Commands.Verify;

/// <summary>
/// Renders a <see cref="VerifyReport"/>: one line per row (<c>STATUS  CHECK  NAME  summary</c>) or JSON, and one
/// summary line on the log. Names and summaries come from the lock and from signed files: control characters are
/// escaped so no entry can forge a line.
/// </summary>
internal static class VerifyReportRenderer
{
    public static void Write(CommandContext context, VerifyReport report, bool json)
    {
        if (json)
        {
            JsonOutput.Write(context.Output, w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("ok", report.Succeeded);
                w.WriteNumber("verified", report.Count(VerificationStatus.Verified));
                w.WriteNumber("unproven", report.Count(VerificationStatus.Unproven));
                w.WriteNumber("failed", report.Count(VerificationStatus.Failed));
                w.WriteStartArray("entries");
                foreach (var row in report.Rows)
                {
                    w.WriteStartObject();
                    w.WriteString("name", row.Entry.Name);
                    w.WriteString("sha256", row.Entry.Sha256.Hex);
                    w.WriteString("check", row.Check);
                    w.WriteString("status", row.Status.ToString().ToLowerInvariant());
                    w.WriteString("summary", row.Summary);
                    foreach (var (key, value) in row.Details)
                    {
                        w.WriteString(key, value);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        else
        {
            foreach (var row in report.Rows)
            {
                context.Output.Write($"{row.Status.ToString().ToLowerInvariant(),-8}  {row.Check}  {Escape(row.Entry.Name)}  {Escape(row.Summary)}\n");
            }
        }
        var line = $"{report.Count(VerificationStatus.Verified)} verified, {report.Count(VerificationStatus.Unproven)} unproven, {report.Count(VerificationStatus.Failed)} failed";
        if (report.Succeeded)
        {
            context.Log.Info(line);
        }
        else
        {
            context.Log.Error(line + (report.RequireProven && report.Count(VerificationStatus.Unproven) > 0 ? " (--require-provenance)" : ""));
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
