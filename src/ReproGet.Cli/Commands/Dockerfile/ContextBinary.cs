using ReproGet.Core.Errors;
using ReproGet.Core.Files;
using ReproGet.Core.Hashing;

namespace ReproGet.Cli.Commands.Dockerfile;

/// <summary>
/// The repro-get the image runs, copied into the build context; its sha256 goes into the Dockerfile, which checks it
/// before running it. Only a self-contained ELF binary runs in a base image without .NET.
/// </summary>
internal static class ContextBinary
{
    /// <summary>Copies <paramref name="source"/> into <paramref name="folder"/> as <paramref name="name"/> (0755), hashing it on the way.</summary>
    public static async Task<Sha256Digest> CopyAsync(string source, SafeOutputFolder folder, string name, CancellationToken cancellationToken)
    {
        var hint = "pass --binary with the self-contained build (scripts/publish linux-x64 → artifacts/linux-x64/repro-get)";
        if (!File.Exists(source))
        {
            throw new ReproGetException($"cannot copy repro-get into the build context: \"{source}\" does not exist", hint);
        }
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source))!, "repro-get.dll");
        if (File.Exists(beside) || !await IsElfAsync(source, cancellationToken).ConfigureAwait(false))
        {
            throw new ReproGetException($"\"{source}\" is not a self-contained linux repro-get (it needs .NET beside it)", hint);
        }
        await using var input = File.OpenRead(source);
        await using var output = folder.Create(name, (UnixFileMode)0b111_101_101);
        using var hasher = Sha256Hasher.Create();
        var buffer = new byte[1 << 17];
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hasher.Append(buffer.AsSpan(0, read));
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
        return hasher.Finish();
    }

    private static async Task<bool> IsElfAsync(string path, CancellationToken cancellationToken)
    {
        var magic = new byte[4];
        await using var stream = File.OpenRead(path);
        return await stream.ReadAtLeastAsync(magic, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) == 4
            && magic is [0x7f, (byte)'E', (byte)'L', (byte)'F'];
    }
}
