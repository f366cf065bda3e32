namespace ReproGet.Sources.Ipfs.Tests.Support;

public static class StreamBytes
{
    /// <summary>Everything left in <paramref name="stream"/>.</summary>
    public static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
