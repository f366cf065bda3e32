using System.CommandLine;
using System.Globalization;
using ReproGet.Cli.Output;
using ReproGet.Core.Cache;
using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Oci;

namespace ReproGet.Cli.Commands.Oci;

internal static class OciPushCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("REF")
        {
            Description = "Target: oci://REGISTRY/REPO:TAG, oci+http://…, oci+https://…, or REGISTRY/REPO:TAG (tag default: latest)",
        };
        var lockfiles = LockfileArguments.Create();
        var mountFrom = new Option<string?>("--mount-from")
        {
            Description = "A repository of the same registry that has the blobs: link them (cross-repository mount) instead of sending them",
        };
        var chunkMib = new Option<int>("--chunk-mib")
        {
            Description = "Files larger than this many MiB go up in PATCH chunks of this size; 0 sends every file in one PUT",
            DefaultValueFactory = _ => PushOptions.DefaultChunkSize >> 20,
        };
        var command = new Command("push", """
            Push every file of the lockfiles from the cache to an OCI registry, as one artifact tagged REF: blobs
            the registry already has are skipped (HEAD), the rest go up in parallel; then the manifest, one layer
            per file titled with its name (`oras pull REF` gets the files back). Prints the manifest digest.
            Files must be in the cache: run `repro-get download` first.

            Example:
              repro-get download SHA256SUMS-amd64
              repro-get oci push oci://ghcr.io/me/debs:bookworm SHA256SUMS-amd64
              repro-get install --provider oci://ghcr.io/me/debs SHA256SUMS-amd64
            """);
        command.Arguments.Add(reference);
        command.Arguments.Add(lockfiles);
        command.Options.Add(mountFrom);
        command.Options.Add(chunkMib);
        FetchOptionsBinder.AddTo(command);
        command.SetAction(async (context, cancellationToken) =>
        {
            var target = OciReference.Parse(context.ParseResult.GetValue(reference) ?? "", allowPlain: true);
            var entries = LockfileArguments.Read(context, lockfiles);
            var cache = context.OpenCache();
            var files = CachedFiles(cache, entries);
            var fetchOptions = FetchOptionsBinder.Bind(context.ParseResult);
            var options = new PushOptions
            {
                Jobs = fetchOptions.Jobs,
                ChunkSize = checked(Math.Max(0, context.ParseResult.GetValue(chunkMib)) << 20),
                MountFrom = context.ParseResult.GetValue(mountFrom),
            };
            var registry = SourceCatalog.CreateRegistryClient(SourceCatalog.CreateHttpClient(fetchOptions));
            var started = DateTime.UtcNow;
            var result = await new ArtifactPusher(registry, options, context.Log)
                .PushAsync(target, files, Annotations(entries), cancellationToken).ConfigureAwait(false);
            var seconds = Math.Max((DateTime.UtcNow - started).TotalSeconds, 0.001);
            context.Log.Info(string.Create(CultureInfo.InvariantCulture,
                $"pushed {target.Registry}/{target.Repository}:{target.Tag ?? "latest"}: {files.Count} files, {result.Uploaded} uploaded "
                + $"({ByteSize.Format(result.BytesUploaded)} in {seconds:0.00} s, {ByteSize.Format(result.BytesUploaded / seconds)}/s), "
                + $"{result.Present} already there, {result.Mounted} mounted"));
            context.Output.WriteLine(result.ManifestDigest);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The cached blob of every entry, titled with its base name (its full name when two base names clash).</summary>
    private static List<ArtifactFile> CachedFiles(ContentCache cache, IReadOnlyList<LockEntry> entries)
    {
        cache.RequireCached(entries, "push");
        var clashing = entries.GroupBy(e => e.Basename).Where(g => g.Select(e => e.Sha256).Distinct().Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. entries.Select(e => new ArtifactFile(clashing.Contains(e.Basename) ? e.Name : e.Basename, e.Sha256,
                new FileInfo(cache.BlobPath(e.Sha256)).Length, () => cache.OpenVerified(e.Sha256))),
        ];
    }

    /// <summary>When the lock was made (SOURCE_DATE_EPOCH, else the lockfile's time), as ORAS records <c>created</c>.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Annotations(IReadOnlyList<LockEntry> entries)
    {
        var epoch = entries.Select(e => e.Epoch).Where(e => e is not null).Max();
        return epoch is { } time
            ? [new("org.opencontainers.image.created", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))]
            : [];
    }
}
