using ReproGet.Core.Errors;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Operations.Locking;

/// <summary>What <c>hash update</c> changed in the lockfile at <see cref="Path"/>; no change means the file was left alone.</summary>
public sealed record UpdateResult(string Path, IReadOnlyList<LockUpdate.Change> Changes);

/// <summary>
/// <c>hash update</c>: re-locks the packages a lockfile names (<see cref="LockOperation"/>) and rewrites it in place
/// with <see cref="LockUpdate"/>, atomically.
/// </summary>
public static class UpdateOperation
{
    public static async Task<UpdateResult> UpdateAsync(OperationContext context, string path, bool allowMissing,
        CancellationToken cancellationToken)
    {
        var lines = LockfileText.ReadLines(path);
        var entries = Sha256SumsReader.Parse(path, lines, epoch: null);
        var keys = LockUpdate.PackageKeys(entries);
        if (keys.Count == 0)
        {
            throw new ReproGetException($"\"{path}\" names no package to update");
        }
        var locked = await LockOperation.LockAsync(context, new LockRequest(keys, allowMissing), cancellationToken).ConfigureAwait(false);
        var result = LockUpdate.Apply(lines, locked);
        if (result.Changes.Count > 0)
        {
            ReplaceFile(path, result.Text);
        }
        return new UpdateResult(path, result.Changes);
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
