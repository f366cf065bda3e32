using System.CommandLine;
using System.Globalization;
using ReproGet.Cli.Output;
using ReproGet.Core.Operations.Pushing;
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
            var fetchOptions = FetchOptionsBinder.Bind(context.ParseResult);
            var options = new PushOptions
            {
                Jobs = fetchOptions.Jobs,
                ChunkSize = checked(Math.Max(0, context.ParseResult.GetValue(chunkMib)) << 20),
                MountFrom = context.ParseResult.GetValue(mountFrom),
            };
            var registry = SourceCatalog.CreateRegistryClient(SourceCatalog.CreateHttpClient(fetchOptions));
            var pusher = new OciArtifactTarget(new ArtifactPusher(registry, options, context.Log), target);
            var report = await OciPushOperation.PushAsync(context.Operation, pusher, entries, cancellationToken).ConfigureAwait(false);
            var push = report.Push;
            var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
            context.Log.Info(string.Create(CultureInfo.InvariantCulture,
                $"pushed {report.Target}: {report.Files} files, {push.Uploaded} uploaded "
                + $"({ByteSize.Format(push.BytesUploaded)} in {seconds:0.00} s, {ByteSize.Format(push.BytesUploaded / seconds)}/s), "
                + $"{push.Present} already there, {push.Mounted} mounted"));
            context.Output.WriteLine(push.ManifestDigest);
            return ExitCodes.Success;
        });
        return command;
    }
}
