using System.CommandLine;
using System.Text;
using ReproGet.Core.Attestations;
using ReproGet.Core.Errors;
using ReproGet.Core.Operations.Attest;

namespace ReproGet.Cli.Commands.Attest;

internal static class AttestVerifyCommand
{
    public static Command Create()
    {
        var envelopes = new Argument<string[]>("ENVELOPE") { Description = "DSSE envelopes printed by `attest build`", Arity = ArgumentArity.OneOrMore };
        var keys = new Option<string[]>("--key") { Description = "A trusted worker's public key (PREFIX.pub); repeatable", Required = true, HelpName = "KEY.pub" };
        var threshold = new Option<int>("--threshold") { Description = "How many distinct trusted keys must agree", Required = true, HelpName = "N" };
        var command = new Command("verify", """
            Exit 0 only when at least N distinct trusted keys sign statements with identical subjects (outputs) and
            identical resolvedDependencies (locked inputs). Otherwise print, side by side, who built what: the subjects
            and the inputs that differ between the envelopes.

            Example:
              repro-get attest verify --threshold 3 --key w1.pub --key w2.pub --key w3.pub w1.json w2.json w3.json
            """);
        command.Arguments.Add(envelopes);
        command.Options.Add(keys);
        command.Options.Add(threshold);
        command.SetAction((context, _) =>
        {
            var trusted = context.ParseResult.GetValue(keys)!.Select(k => new AttestVerify.TrustedKey(Path.GetFileName(k), Ed25519PublicKey.FromFile(k))).ToList();
            var inputs = context.ParseResult.GetValue(envelopes)!.Select(e => new AttestVerify.Envelope(e, File.ReadAllBytes(e))).ToList();
            var result = AttestVerify.Run(inputs, trusted, context.ParseResult.GetValue(threshold));
            context.Output.Write(Render(result));
            if (!result.Agreed)
            {
                throw new ReproGetException($"attestations do not agree: at most {result.BestCount} distinct trusted keys sign the same "
                    + $"subjects from the same inputs, {result.Threshold} required", "the table on stdout shows who built what");
            }
            context.Log.Info($"{result.BestCount} distinct trusted keys attest the same outputs from the same inputs (threshold {result.Threshold})");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string Render(AttestVerifyResult result)
    {
        var text = new StringBuilder();
        var names = result.Envelopes.Select(e => Escape(Path.GetFileName(e.Source))).ToList();
        Rows(text, ["envelope", "signed by", "group"], result.Envelopes.Select((e, i) => new[]
        {
            names[i],
            e.Signers.Count == 0 ? "(no trusted key)" : string.Join(",", e.Signers.Select(Escape)),
            e.Problem is not null ? Escape(e.Problem) : $"#{GroupOf(result, e) + 1}",
        }));
        var readable = result.Envelopes.Select((e, i) => (e, i)).Where(x => x.e.Statement is not null).Select(x => names[x.i]).ToList();
        Section(text, "differing subjects", readable, result.SubjectDifferences);
        Section(text, "differing inputs", readable, result.InputDifferences);
        return text.ToString();
    }

    private static int GroupOf(AttestVerifyResult result, EnvelopeView view) =>
        result.Groups.Select((g, i) => (g, i)).FirstOrDefault(x => x.g.Envelopes.Contains(view), (null!, -2)).i;

    private static void Section(StringBuilder text, string title, IReadOnlyList<string> envelopes, IReadOnlyList<Difference> differences)
    {
        if (differences.Count == 0)
        {
            return;
        }
        text.Append('\n').Append(title).Append(":\n");
        Rows(text, [title == "differing subjects" ? "subject" : "input", .. envelopes],
            differences.Select(d => new[] { Escape(d.Key) }.Concat(d.PerEnvelope.Select(v => v is null ? "(absent)" : Short(v))).ToArray()));
    }

    private static void Rows(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        foreach (var row in all)
        {
            text.Append(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c])))).Append('\n');
        }
    }

    // Enough of the digest to tell the values apart side by side; the envelopes carry the full ones.
    private static string Short(string hex) => hex.Length > 16 ? hex[..16] + "…" : hex;

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
