using ReproGet.Core.Cache;
using ReproGet.Core.Fetching;
using ReproGet.Core.Hashing;
using ReproGet.Core.Lockfiles;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Sources.Ipfs.Car;

/// <summary>
/// Imports the files of a CAR bundle into the cache: every block is checked against its CID while the CAR is
/// indexed, each root is rebuilt as a file from its verified DAG, and committed under its SHA-256. A root that a
/// lock entry names by CID must give that entry's SHA-256; a root no entry names by CID is matched to an entry by its
/// SHA-256 (one more pass over its blocks). Either way the file takes the entry's base name.
/// </summary>
public sealed class CarBundleImporter(ContentCache cache, long maxFileSize = FetchOptions.DefaultMaxFileSize)
{
    public async Task<IReadOnlyList<LockEntry>> ImportAsync(string carPath, IReadOnlyList<LockEntry> entries,
        CancellationToken cancellationToken)
    {
        using var blocks = await CarFileBlocks.OpenAsync(carPath, cancellationToken).ConfigureAwait(false);
        if (blocks.Roots.Count == 0)
        {
            throw new IpfsFormatException($"{carPath}: the CAR names no roots, so it holds no files to import");
        }
        var imported = new List<LockEntry>();
        foreach (var root in blocks.Roots.Distinct())
        {
            var entry = entries.FirstOrDefault(e => Cid.TryParse(e.Cid, out var cid) && cid.Equals(root));
            if (entry is null && entries.Count > 0)
            {
                var digest = await HashAsync(root, blocks, cancellationToken).ConfigureAwait(false);
                entry = entries.FirstOrDefault(e => e.Sha256 == digest);
            }
            await using var file = await UnixFsFileStream.OpenAsync(root, blocks, cancellationToken).ConfigureAwait(false);
            // A small CAR can declare (and, reusing one block, produce) a huge file: bounded before a byte is written.
            if (file.FileSize > maxFileSize)
            {
                throw new IpfsFormatException($"{carPath}: /ipfs/{root} declares {file.FileSize} bytes, more than the limit of {maxFileSize}",
                    "a CAR of package files has no file that large; if it really has, raise --max-file-size");
            }
            await using var pending = cache.BeginWrite("import");
            var buffer = new byte[1 << 17];
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (pending.Length + read > file.FileSize)
                {
                    throw new IpfsFormatException($"{carPath}: /ipfs/{root} has more bytes than the {file.FileSize} its root declares");
                }
                await pending.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            if (entry is null)
            {
                var digest = await pending.CommitAsync(basename: null, cancellationToken).ConfigureAwait(false);
                imported.Add(new LockEntry(root.ToString(), digest, root.ToString()));
            }
            else
            {
                await pending.CommitAsync(entry.Sha256, entry.Basename, $"{entry.Name} (/ipfs/{root} in {carPath})", cancellationToken)
                    .ConfigureAwait(false);
                imported.Add(entry with { Cid = root.ToString() });
            }
        }
        return imported;
    }

    private static async Task<Sha256Digest> HashAsync(Cid root, IBlockProvider blocks, CancellationToken cancellationToken)
    {
        await using var file = await UnixFsFileStream.OpenAsync(root, blocks, cancellationToken).ConfigureAwait(false);
        return await Sha256Hasher.HashStreamAsync(file, cancellationToken).ConfigureAwait(false);
    }
}
