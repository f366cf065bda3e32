using ReproGet.Core.Hashing;
using ReproGet.Sources.Ipfs.Multiformats;

namespace ReproGet.Sources.Ipfs.UnixFs;

/// <summary>
/// Builds the balanced UnixFS file DAG of <c>ipfs add</c> bottom-up as leaves arrive, holding at most
/// <see cref="UnixFsImportOptions.MaxLinks"/> pending links per level, so memory stays constant for any file size.
/// Grouping each level in runs of MaxLinks gives exactly Kubo's balanced layout: full subtrees on the left,
/// the remainder on the right, and a file of one chunk is that single leaf.
/// </summary>
internal sealed class UnixFsDagBuilder(UnixFsImportOptions options, IBlockSink? sink) : IDisposable
{
    private readonly List<List<DagChild>> _levels = [];
    private readonly Sha256Hasher _hasher = Sha256Hasher.Create();

    public void AddLeaf(DagChild leaf) => Push(0, leaf);

    /// <summary>Closes every level; returns the root. At least one leaf must have been added (an empty file has one empty leaf).</summary>
    public DagChild Finish()
    {
        if (_levels.Count == 0)
        {
            throw new InvalidOperationException("a UnixFS file has at least one leaf");
        }
        for (var level = 0; ; level++)
        {
            var pending = _levels[level];
            var isTop = level == _levels.Count - 1;
            if (isTop && pending.Count == 1)
            {
                return pending[0];
            }
            if (pending.Count > 0)
            {
                var parent = MakeParent(pending);
                pending.Clear();
                Push(level + 1, parent);
            }
        }
    }

    public void Dispose() => _hasher.Dispose();

    private void Push(int level, DagChild child)
    {
        if (level == _levels.Count)
        {
            _levels.Add(new List<DagChild>(options.MaxLinks));
        }
        var pending = _levels[level];
        pending.Add(child);
        if (pending.Count == options.MaxLinks)
        {
            var parent = MakeParent(pending);
            pending.Clear();
            Push(level + 1, parent);
        }
    }

    private DagChild MakeParent(List<DagChild> children)
    {
        ulong fileSize = 0;
        ulong tsize = 0;
        var links = new List<DagPbLink>(children.Count);
        foreach (var child in children)
        {
            fileSize += child.FileSize;
            tsize += child.Tsize;
            links.Add(new DagPbLink(child.Cid, "", child.Tsize));
        }
        var data = UnixFsData.EncodeFileNode(fileSize, children.Select(c => c.FileSize));
        var block = new DagPbNode(links, data).Encode();
        _hasher.Append(block);
        var cid = Cid.FromSha256(options.CidVersion, Multicodec.DagPb, Convert.FromHexString(_hasher.Finish().Hex));
        sink?.Put(cid, block);
        return new DagChild(cid, tsize + (ulong)block.Length, fileSize);
    }
}
