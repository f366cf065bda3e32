namespace ReproGet.Core.Operations.Attest;

/// <summary>The outcome of <see cref="AttestVerify"/>: every envelope's view, the agreeing groups (largest first), and the verdict.</summary>
public sealed record AttestVerifyResult(int Threshold, IReadOnlyList<EnvelopeView> Envelopes, IReadOnlyList<AgreementGroup> Groups, bool Agreed)
{
    public int BestCount => Groups.Count == 0 ? 0 : Groups[0].Signers.Count;

    /// <summary>Subjects whose digest is not the same (or not present) in every readable envelope: name → digest per envelope.</summary>
    public IReadOnlyList<Difference> SubjectDifferences => Differences(v => v.Statement!.Subjects);

    /// <summary>Inputs (purl or name) whose digest is not the same in every readable envelope.</summary>
    public IReadOnlyList<Difference> InputDifferences => Differences(v => v.Statement!.ResolvedDependencies);

    private List<Difference> Differences(Func<EnvelopeView, IReadOnlyList<ResourceDigest>> select)
    {
        var readable = Envelopes.Where(v => v.Statement is not null).ToList();
        var maps = readable.Select(v => select(v).GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(r => r.Sha256?.Hex ?? "-")), StringComparer.Ordinal)).ToList();
        return [.. maps.SelectMany(m => m.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(key => new Difference(key, [.. maps.Select(m => m.GetValueOrDefault(key))]))
            .Where(d => d.PerEnvelope.Distinct(StringComparer.Ordinal).Count() > 1)];
    }
}

/// <summary>One envelope as read: which given keys signed it, its statement (null when unreadable), and why it counts for nothing.</summary>
public sealed record EnvelopeView(string Source, IReadOnlyList<string> Signers, ProvenanceStatement? Statement, string? Problem)
{
    /// <summary>Subjects and inputs in a canonical order: equal fingerprints mean the same outputs from the same inputs.</summary>
    public string Fingerprint => Statement is null ? "" :
        string.Join('\n', Canonical(Statement.Subjects)) + "\n--\n" + string.Join('\n', Canonical(Statement.ResolvedDependencies));

    private static IEnumerable<string> Canonical(IEnumerable<ResourceDigest> resources) =>
        resources.Select(r => $"{r.Key} {r.Sha256?.Hex ?? "-"}").Order(StringComparer.Ordinal);
}

/// <summary>Envelopes with identical subjects and inputs, and the distinct trusted keys that signed them.</summary>
public sealed record AgreementGroup(IReadOnlyList<EnvelopeView> Envelopes, IReadOnlyList<string> Signers);

/// <summary>A subject or input that differs: its key and the digest each readable envelope gives (null: absent).</summary>
public sealed record Difference(string Key, IReadOnlyList<string?> PerEnvelope);
