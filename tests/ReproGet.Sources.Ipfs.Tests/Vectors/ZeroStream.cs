namespace ReproGet.Sources.Ipfs.Tests.Vectors;

/// <summary><c>length</c> zero bytes, produced on the fly.</summary>
public sealed class ZeroStream(long length) : GeneratedStream(length)
{
    protected override void Generate(Span<byte> destination) => destination.Clear();
}
