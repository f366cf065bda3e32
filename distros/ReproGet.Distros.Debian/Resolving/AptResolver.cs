using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Processes;
using ReproGet.Distros.Debian.Apt;
using ReproGet.Distros.Debian.Provenance;

namespace ReproGet.Distros.Debian.Resolving;

/// <summary>
/// Resolves with apt itself, in a <see cref="PrivateAptState"/>: <c>apt-get update</c> (only when the private lists
/// are older than the request allows, or the sources changed), then <c>apt-get install --print-uris</c> against the
/// base's dpkg status (or an empty one). apt's choice is taken as is; only the SHA-256 of each file is looked up
/// in the private lists, by the file's pool path.
/// </summary>
internal sealed class AptResolver : IPackageResolver
{
    private const string AptGet = "apt-get";

    public async Task<Resolution> ResolveAsync(ResolveRequest request, IStatusLog log, CancellationToken cancellationToken)
    {
        var sources = request.Sources.Select(AptSourceLine.Parse).Select(s => Prepare(s, request)).ToList();
        var state = PrivateAptState.Create(request.StateDirectory);
        if (state.WriteSources(sources))
        {
            state.MarkStale();
        }
        var status = request.StatusFile ?? (request.BaseRoot is { } root ? Path.Combine(root, "var/lib/dpkg/status") : state.EmptyStatus);
        state.WriteConfig(request.Architecture, status, request.Recommends, request.BaseRoot);
        var fresh = state.LastUpdate is { } updated && DateTimeOffset.UtcNow - updated < request.MaxIndexAge;
        if (request.Refresh || !fresh)
        {
            await UpdateAsync(state, request, log, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            log.Debug($"{request.Architecture}: apt lists in {state.Directory} are from {state.LastUpdate:u}; not refreshed");
        }
        var version = await VersionAsync(cancellationToken).ConfigureAwait(false);
        var uris = await PrintUrisAsync(state, request, cancellationToken).ConfigureAwait(false);
        var context = new DistroContext(state.Directory, log) { Cache = request.Cache };
        var (locked, index) = Lock(context, sources, uris, request.Architecture, cancellationToken);
        IReadOnlyList<LockedFile> files = [.. locked.Select(l => l.File)];
        if (request.LockProvenance && locked.Count > 0)
        {
            // The same chain hash generate writes, from the private lists, checked with the keys apt used for them.
            files = [.. files, .. await AptListsChain.CollectAsync(context, locked, cancellationToken, index.ReadIdentities, Keys(sources, request, log)).ConfigureAwait(false)];
        }
        return new Resolution([.. files.OrderBy(f => f.Name, StringComparer.Ordinal)], version);
    }

    /// <summary>Each source's <c>signed-by</c> keyring file; for a source without one, the base root's (or the host's) trusted keys, as apt uses.</summary>
    private static TrustedKeys Keys(IReadOnlyList<AptSourceLine> sources, ResolveRequest request, IStatusLog log)
    {
        var files = sources.Select(s => s.Option("signed-by")).OfType<string>().Where(File.Exists).ToList();
        if (sources.Any(s => s.Option("signed-by") is null))
        {
            files.AddRange(TrustedKeys.ForRoot(new DistroContext(request.BaseRoot ?? "/", log)).Files);
        }
        return new TrustedKeys([.. files.Distinct(StringComparer.Ordinal)]);
    }

    private static AptSourceLine Prepare(AptSourceLine source, ResolveRequest request)
    {
        if (source.Option("signed-by") is null && request.Keyring is { } keyring)
        {
            source = source.WithOption("signed-by", keyring);
        }
        return request.Snapshot is { } time ? SnapshotArchive.Apply(source, time) : source;
    }

    private static async Task UpdateAsync(PrivateAptState state, ResolveRequest request, IStatusLog log, CancellationToken cancellationToken)
    {
        log.Info($"{request.Architecture}: apt-get update in {state.Directory}");
        var result = await RunAsync(state, ["update", "-q"], cancellationToken).ConfigureAwait(false);
        // apt-get update exits 0 when an index could not be fetched or verified; such a warning must not pass.
        var problems = result.StandardError.Split('\n')
            .Where(l => l.StartsWith("E:", StringComparison.Ordinal) || l.StartsWith("W: GPG error", StringComparison.Ordinal)
                || l.StartsWith("W: Failed to fetch", StringComparison.Ordinal) || l.StartsWith("W: Some index files failed", StringComparison.Ordinal))
            .ToList();
        if (result.ExitCode != 0 || problems.Count > 0)
        {
            state.MarkStale();
            throw new ReproGetException(
                $"apt-get update ({request.Architecture}) failed: {string.Join(" | ", problems.DefaultIfEmpty(Last(result.StandardError)))}",
                problems.Any(p => p.Contains("NO_PUBKEY", StringComparison.Ordinal) || p.Contains("not signed", StringComparison.Ordinal))
                    ? "name the archive's keyring: [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] in the source, or keyring = \"PATH\""
                    : "check the sources (URI, suite, components) and the network");
        }
        state.MarkUpdated();
    }

    private static async Task<IReadOnlyList<PrintUrisLine>> PrintUrisAsync(PrivateAptState state, ResolveRequest request,
        CancellationToken cancellationToken)
    {
        var result = await RunAsync(state, ["install", "--print-uris", "-qq", "--", .. request.Packages], cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var errors = result.StandardError.Split('\n').Where(l => l.StartsWith("E:", StringComparison.Ordinal)).ToList();
            throw new ReproGetException(
                $"apt cannot install {string.Join(' ', request.Packages)} for {request.Architecture}: {string.Join(" | ", errors.DefaultIfEmpty(Last(result.StandardError)))}",
                "check the package names and versions (NAME or NAME=VERSION) against the sources' suites and components");
        }
        return PrintUrisLine.ParseAll(result.StandardOutput);
    }

    private static (List<AptListsChain.Locked> Locked, AptListsIndex Index) Lock(DistroContext context, IReadOnlyList<AptSourceLine> sources, IReadOnlyList<PrintUrisLine> uris,
        string architecture, CancellationToken cancellationToken)
    {
        var names = uris.Select(u => u.Basename.Split('_')[0]).ToHashSet(StringComparer.Ordinal);
        var index = AptListsIndex.Load(context, names, cancellationToken);
        var locked = new List<AptListsChain.Locked>();
        foreach (var uri in uris)
        {
            var source = sources.FirstOrDefault(s => uri.Uri.StartsWith(s.BaseUri, StringComparison.Ordinal))
                ?? throw new ReproGetException($"apt would download {uri.Uri}, which is under none of the project's sources");
            var filename = uri.Uri[source.BaseUri.Length..];
            var parts = uri.Basename.Split('_');
            var arch = parts[^1].EndsWith(".deb", StringComparison.Ordinal) ? parts[^1][..^4] : architecture;
            var stanza = index.Find(parts[0], [arch]).FirstOrDefault(p => p.Filename == filename)
                ?? throw new ReproGetException($"{filename}: apt chose it but no private list under {index.Directory} names its SHA-256",
                    "run `repro-get lock --refresh` to fetch the lists again");
            locked.Add(new AptListsChain.Locked(new LockedFile(stanza.Sha256, stanza.Filename), stanza.ListFile));
        }
        return ([.. locked.DistinctBy(l => l.File.Name)], index);
    }

    private static async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(AptGet, ["--version"], cancellationToken).ConfigureAwait(false);
        var first = result.StandardOutput.Split('\n')[0].Trim();
        var words = first.Split(' ');
        return words.Length >= 2 ? $"{words[0]} {words[1]}" : first;
    }

    private static Task<ProcessResult> RunAsync(PrivateAptState state, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(AptGet, arguments, cancellationToken, throwOnFailure: false,
            environment: new Dictionary<string, string> { ["APT_CONFIG"] = state.ConfigFile });

    private static string Last(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no error output)";
}
