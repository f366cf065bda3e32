using System.Text.Json;
using ReproGet.Core.Attestations;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Operations.Attest;

/// <summary>
/// <c>attest verify</c>: do at least N distinct trusted keys sign statements with identical subjects and identical
/// resolved dependencies? Envelopes are grouped by (subjects, inputs); a key counts once however many envelopes it
/// signed. The result keeps every envelope's view so the command can show who built what, side by side.
/// </summary>
public static class AttestVerify
{
    public sealed record TrustedKey(string Label, Ed25519PublicKey Key);

    public sealed record Envelope(string Source, byte[] Json);

    public static AttestVerifyResult Run(IReadOnlyList<Envelope> envelopes, IReadOnlyList<TrustedKey> keys, int threshold)
    {
        if (threshold < 1)
        {
            throw new ReproGetException($"--threshold must be at least 1, not {threshold}");
        }
        if (keys.Count == 0)
        {
            throw new ReproGetException("no trusted key given", "pass --key WORKER.pub for every worker you trust");
        }
        var views = envelopes.Select(e => View(e, keys)).ToList();
        var groups = views.Where(v => v.Statement is not null && v.Signers.Count > 0)
            .GroupBy(v => v.Fingerprint, StringComparer.Ordinal)
            .Select(g => new AgreementGroup(g.ToList(), g.SelectMany(v => v.Signers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(g => g.Signers.Count)
            .ToList();
        var best = groups.FirstOrDefault();
        return new AttestVerifyResult(threshold, views, groups, best is not null && best.Signers.Count >= threshold);
    }

    private static EnvelopeView View(Envelope envelope, IReadOnlyList<TrustedKey> keys)
    {
        DsseEnvelope dsse;
        try
        {
            dsse = DsseEnvelope.Parse(envelope.Json, envelope.Source);
        }
        catch (ReproGetException e)
        {
            return new EnvelopeView(envelope.Source, [], null, e.Message);
        }
        var signers = keys.Where(k => dsse.IsSignedBy(k.Key)).Select(k => k.Label).Distinct(StringComparer.Ordinal).ToList();
        if (dsse.PayloadType != DsseEnvelope.InTotoPayloadType)
        {
            return new EnvelopeView(envelope.Source, signers, null, $"payload type is {dsse.PayloadType}, not {DsseEnvelope.InTotoPayloadType}");
        }
        try
        {
            var statement = ProvenanceStatement.Parse(dsse.Payload);
            return new EnvelopeView(envelope.Source, signers, statement, signers.Count == 0 ? "signed by none of the given keys" : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new EnvelopeView(envelope.Source, signers, null, $"not an in-toto Statement v1: {e.Message}");
        }
    }
}
