using System.Text;
using ReproGet.Core.Attestations;
using ReproGet.Core.Cache;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;

namespace ReproGet.Core.Operations.Quorum;

/// <summary>
/// The rebuilder quorum: for each locked Debian or Arch package, ask every configured rebuilder for its in-toto links,
/// keep those signed by the rebuilder's pinned key, and count the distinct rebuilders whose link names the locked sha256.
/// Every attestation served is cached as a blob, and the one that decided is recorded per (rebuilder, package sha256),
/// so <see cref="Mode.Offline"/> re-checks later without the network (and a bundle can carry them).
/// </summary>
public sealed class QuorumCheck(ContentCache cache, IRebuilderClient? client, IStatusLog log)
{
    public enum Mode
    {
        Online,
        Offline,
    }

    public sealed record Request(IReadOnlyList<LockEntry> Entries, IReadOnlyList<RebuilderConfig> Rebuilders, int Threshold,
        IReadOnlySet<string> Allowed, Mode Mode = Mode.Online);

    /// <summary>The formats rebuilderd rebuilds (Debian, Arch); other entries are reported as not checked.</summary>
    public static bool IsCheckable(LockEntry entry) => entry.Package?.Kind is PackageKind.Deb or PackageKind.Pacman;

    /// <summary>The cache key under which the deciding attestation of <paramref name="entry"/> by a rebuilder is recorded.</summary>
    public static string RecordKey(string baseUrl, Sha256Digest package) => $"rebuilder-attestation:{baseUrl}#sha256:{package.Hex}";

    public async Task<QuorumResult> RunAsync(Request request, CancellationToken cancellationToken)
    {
        if (request.Threshold < 1 || request.Threshold > request.Rebuilders.Count)
        {
            throw new ReproGetException($"--threshold {request.Threshold} needs between 1 and {request.Rebuilders.Count} rebuilders",
                "configure at least as many rebuilders (--rebuilder NAME=URL,KEYFILE) as the threshold");
        }
        if (request.Rebuilders.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count() != request.Rebuilders.Count)
        {
            throw new ReproGetException("two rebuilders have the same name", "give every --rebuilder a distinct NAME");
        }
        if (request.Mode == Mode.Online && client is null)
        {
            throw new InvalidOperationException("an online check needs a rebuilder client");
        }
        var checkable = request.Entries.Where(IsCheckable).DistinctBy(e => e.Sha256).ToList();
        var packages = new List<PackageQuorum>();
        foreach (var entry in checkable)
        {
            var verdicts = await Task.WhenAll(request.Rebuilders.Select(r => VerdictAsync(r, entry, request.Mode, cancellationToken)))
                .ConfigureAwait(false);
            packages.Add(new PackageQuorum(entry, verdicts, request.Allowed.Contains(entry.Package!.Package)));
        }
        return new QuorumResult(request.Threshold, packages, [.. request.Entries.Where(e => !IsCheckable(e))]);
    }

    private async Task<RebuilderVerdict> VerdictAsync(RebuilderConfig rebuilder, LockEntry entry, Mode mode, CancellationToken cancellationToken)
    {
        IReadOnlyList<FetchedAttestation> attestations;
        Sha256Digest? cached = null;
        if (mode == Mode.Offline)
        {
            if (cache.FindByOrigin(RecordKey(rebuilder.BaseUrl, entry.Sha256)) is not { } recorded || !cache.Contains(recorded))
            {
                return new RebuilderVerdict(rebuilder.Name, RebuilderVerdictKind.NoRecord, "no attestation in the cache");
            }
            attestations = [new FetchedAttestation(cache.BlobPath(recorded), await File.ReadAllBytesAsync(cache.BlobPath(recorded), cancellationToken).ConfigureAwait(false))];
            cached = recorded;
        }
        else
        {
            var answer = await client!.FindAttestationsAsync(rebuilder.BaseUrl, entry.Package!, cancellationToken).ConfigureAwait(false);
            if (answer.Unreachable is { } reason)
            {
                return new RebuilderVerdict(rebuilder.Name, RebuilderVerdictKind.Unreachable, reason);
            }
            attestations = answer.Attestations;
        }
        RebuilderVerdict? disagreement = null;
        var forged = 0;
        foreach (var attestation in attestations)
        {
            var digest = mode == Mode.Online ? await StoreAsync(attestation.Bytes, entry, cancellationToken).ConfigureAwait(false) : cached;
            InTotoLink link;
            try
            {
                link = InTotoLink.Parse(attestation.Bytes, attestation.Url);
            }
            catch (ReproGetException e)
            {
                log.Warn($"rebuilder {rebuilder.Name}: {e.Message}");
                forged++;
                continue;
            }
            if (!link.IsSignedBy(rebuilder.Key))
            {
                log.Warn($"rebuilder {rebuilder.Name}: {attestation.Url} is not signed by its pinned key: ignored");
                forged++;
                continue;
            }
            if (link.Attests(entry.Sha256))
            {
                Record(rebuilder, entry, cached is null ? digest : null);
                return new RebuilderVerdict(rebuilder.Name, RebuilderVerdictKind.Attests, null, digest);
            }
            var other = link.Products.TryGetValue(entry.Basename, out var named) ? named : link.Products.Values.FirstOrDefault();
            disagreement ??= new RebuilderVerdict(rebuilder.Name, RebuilderVerdictKind.Disagrees,
                $"rebuilt sha256 {other.Hex}", digest);
        }
        if (disagreement is not null)
        {
            Record(rebuilder, entry, cached is null ? disagreement.Attestation : null);
            return disagreement;
        }
        return forged > 0
            ? new RebuilderVerdict(rebuilder.Name, RebuilderVerdictKind.BadSignature,
                $"{forged} attestation{(forged == 1 ? "" : "s")} not signed by the pinned key")
            : new RebuilderVerdict(rebuilder.Name, RebuilderVerdictKind.NoRecord);
    }

    private void Record(RebuilderConfig rebuilder, LockEntry entry, Sha256Digest? attestation)
    {
        if (attestation is { } digest)
        {
            cache.RecordOrigin(RecordKey(rebuilder.BaseUrl, entry.Sha256), digest);
        }
    }

    private async Task<Sha256Digest> StoreAsync(byte[] bytes, LockEntry entry, CancellationToken cancellationToken)
    {
        await using var pending = cache.BeginWrite("attestation");
        await pending.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        return await pending.CommitAsync(entry.Basename + ".in-toto.link", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The table shown when a lock is refused (and with --debug otherwise): package → attest / disagree / no record / unreachable.</summary>
    public static string Table(QuorumResult result, IReadOnlyList<RebuilderConfig> rebuilders, bool onlyRefused)
    {
        var rows = (onlyRefused ? result.Refused : result.Packages).ToList();
        var text = new StringBuilder();
        var width = Math.Max(7, rows.Count == 0 ? 0 : rows.Max(r => Shown(r.Entry.Basename).Length));
        text.Append("package".PadRight(width)).Append("  ").Append("attest".PadRight(8));
        foreach (var rebuilder in rebuilders)
        {
            text.Append("  ").Append(Shown(rebuilder.Name));
        }
        foreach (var row in rows)
        {
            text.Append('\n').Append(Shown(row.Entry.Basename).PadRight(width)).Append("  ")
                .Append($"{row.Attesting}/{result.Threshold}{(row.Allowed ? " allow" : "")}".PadRight(8));
            foreach (var verdict in row.Verdicts)
            {
                text.Append("  ").Append(Shown(verdict.Rebuilder)).Append(": ").Append(Describe(verdict));
            }
        }
        return text.ToString();
    }

    public static string Describe(RebuilderVerdict verdict) => verdict.Kind switch
    {
        RebuilderVerdictKind.Attests => "attests",
        RebuilderVerdictKind.Disagrees => $"disagrees ({verdict.Detail})",
        RebuilderVerdictKind.NoRecord => verdict.Detail is null ? "no record" : $"no record ({verdict.Detail})",
        RebuilderVerdictKind.Unreachable => $"unreachable ({Shown(verdict.Detail ?? "")})",
        RebuilderVerdictKind.BadSignature => $"bad signature ({verdict.Detail})",
        _ => verdict.Kind.ToString(),
    };

    private static string Shown(string text) => RebuilderConfig.Escape(text);
}
