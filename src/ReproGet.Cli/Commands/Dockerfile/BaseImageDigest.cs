using ReproGet.Core.Processes;

namespace ReproGet.Cli.Commands.Dockerfile;

/// <summary>
/// Pins a base image by digest. A reference that already carries <c>@sha256:</c> is kept; otherwise the local
/// image's manifest digest comes from <c>buildah inspect</c> (the image a build would use, without a registry).
/// Null when it cannot be found: the caller warns and keeps the tag.
/// </summary>
internal static class BaseImageDigest
{
    public static async Task<string?> PinAsync(string image, CancellationToken cancellationToken)
    {
        if (image.Contains("@sha256:", StringComparison.Ordinal))
        {
            return image;
        }
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync("buildah",
                ["inspect", "--type", "image", "--format", "{{.FromImageDigest}}", image], cancellationToken, throwOnFailure: false)
                .ConfigureAwait(false);
        }
        catch (Core.Errors.ReproGetException)
        {
            return null; // no buildah here
        }
        var digest = result.StandardOutput.Trim();
        if (result.ExitCode != 0 || !Core.Hashing.Sha256Digest.TryParsePrefixed(digest, out _))
        {
            return null;
        }
        return $"{WithoutTag(image)}@{digest}";
    }

    /// <summary>The repository part: the tag after the last ':' that follows the last '/' goes (a registry's port stays).</summary>
    internal static string WithoutTag(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? image[..colon] : image;
    }
}
