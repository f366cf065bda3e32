using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Locking;

/// <summary>What <c>hash update</c> changed in the lockfile at <see cref="Path"/>; no change means the file was left alone.</summary>
public sealed record UpdateResult(string Path, IReadOnlyList<LockUpdate.Change> Changes)
{
    /// <summary>The file was rewritten: a package changed, or only the signature chain did.</summary>
    public bool Rewritten { get; init; }
}

/// <summary>
/// <c>hash update</c>: re-locks the packages a lockfile names (<see cref="LockOperation"/>) and rewrites it in place
/// with <see cref="LockUpdate"/>, atomically.
/// </summary>
public static class UpdateOperation
{
    public static async Task<UpdateResult> UpdateAsync(OperationContext context, string path, bool allowMissing,
        CancellationToken cancellationToken, bool provenance = true)
    {
        var lines = LockfileText.ReadLines(path);
        var entries = Sha256SumsReader.Parse(path, lines, epoch: null);
        var keys = LockUpdate.PackageKeys(entries);
        if (keys.Count == 0)
        {
            throw new ReproGetException($"\"{path}\" names no package to update");
        }
        var locked = await LockOperation.LockAsync(context, new LockRequest(keys, allowMissing) { Provenance = provenance }, cancellationToken).ConfigureAwait(false);
        var distro = context.Distro;
        var result = LockUpdate.Apply(lines, locked, name => distro.Entries.Classify(name) == Distros.EntryRole.Proof);
        var rewritten = result.Text != string.Concat(lines.Select(l => l + "\n"));
        if (rewritten)
        {
            ReplaceFile(path, result.Text);
        }
        return new UpdateResult(path, result.Changes) { Rewritten = rewritten };
    }

    // Write beside, keep the mode, rename over: an interrupted update never leaves a half-written lockfile.
    private static void ReplaceFile(string path, string text)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, text);
        File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
        File.Move(temp, path, overwrite: true);
    }
}
