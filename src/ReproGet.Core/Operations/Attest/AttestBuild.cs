using System.Text.RegularExpressions;
using ReproGet.Core.Attestations;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Core.Packages;

namespace ReproGet.Core.Operations.Attest;

/// <summary>
/// <c>attest build</c>: a signed provenance statement for build outputs made from locked inputs. Subjects are the output
/// files (by base name, so workers building in different directories compare equal) or images given as
/// <c>NAME@sha256:HEX</c>; inputs are every lock entry (as a purl where it is a package), plus each lockfile itself.
/// </summary>
public static partial class AttestBuild
{
    public sealed record Request(
        IReadOnlyList<string> Outputs,
        IReadOnlyList<string> Lockfiles,
        IReadOnlyList<LockEntry> Entries,
        Ed25519PrivateKey Key,
        string BuilderId,
        DateTimeOffset StartedOn,
        DateTimeOffset FinishedOn,
        string? DistroNamespace = null);

    public static async Task<(DsseEnvelope Envelope, ProvenanceStatement Statement)> RunAsync(Request request,
        CancellationToken cancellationToken)
    {
        if (request.Outputs.Count == 0)
        {
            throw new ReproGetException("nothing to attest: no output file or image given", "pass the built files, or NAME@sha256:HEX for an image");
        }
        var subjects = new List<ResourceDigest>();
        foreach (var output in request.Outputs)
        {
            subjects.Add(await SubjectAsync(output, cancellationToken).ConfigureAwait(false));
        }
        var dependencies = new List<ResourceDigest>();
        foreach (var lockfile in request.Lockfiles)
        {
            var digest = await Sha256Hasher.HashFileAsync(lockfile, cancellationToken).ConfigureAwait(false);
            dependencies.Add(new ResourceDigest(Path.GetFileName(lockfile), null, digest));
        }
        // Indexes (dists/…/InRelease, Packages) and signatures are lock entries too: they get generic purls.
        dependencies.AddRange(request.Entries.Select(e => new ResourceDigest(e.Name, PackageUrl.For(e, request.DistroNamespace), e.Sha256)));
        var statement = new ProvenanceStatement(subjects, dependencies, [.. request.Lockfiles.Select(Path.GetFileName)!],
            request.BuilderId, request.StartedOn, request.FinishedOn);
        return (DsseEnvelope.Sign(DsseEnvelope.InTotoPayloadType, statement.ToJson(), request.Key), statement);
    }

    private static async Task<ResourceDigest> SubjectAsync(string output, CancellationToken cancellationToken)
    {
        var image = ImageDigest().Match(output);
        if (image.Success && !File.Exists(output))
        {
            return new ResourceDigest(image.Groups["name"].Value, null, Sha256Digest.Parse(image.Groups["hex"].Value));
        }
        if (!File.Exists(output))
        {
            throw new ReproGetException($"cannot attest \"{output}\": no such file", "pass built files, or NAME@sha256:HEX for an image");
        }
        return new ResourceDigest(Path.GetFileName(output), null, await Sha256Hasher.HashFileAsync(output, cancellationToken).ConfigureAwait(false));
    }

    [GeneratedRegex("^(?<name>[^@]+)@sha256:(?<hex>[0-9a-f]{64})$")]
    private static partial Regex ImageDigest();
}
