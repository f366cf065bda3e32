using System.Diagnostics.CodeAnalysis;
using SimpleBase;

namespace ReproGet.Sources.Ipfs.Multiformats;

/// <summary>
/// An IPFS content identifier. CIDv0 is a bare base58btc SHA2-256 multihash of a dag-pb block (<c>Qm…</c>);
/// CIDv1 is <c>&lt;version&gt;&lt;codec&gt;&lt;multihash&gt;</c> in a multibase, printed in base32 (<c>bafy…</c>,
/// <c>bafk…</c>) as Kubo prints it. Two CIDs name the same bytes when their multihashes are equal.
/// </summary>
public sealed class Cid : IEquatable<Cid>
{
    private const int Sha256Length = 32;

    private readonly byte[] _multihash;

    private Cid(int version, ulong codec, byte[] multihash)
    {
        Version = version;
        Codec = codec;
        _multihash = multihash;
    }

    public int Version { get; }

    /// <summary>The multicodec of the block: <see cref="Multicodec.DagPb"/> or <see cref="Multicodec.Raw"/>.</summary>
    public ulong Codec { get; }

    /// <summary>The multihash: varint code, varint length, digest.</summary>
    public ReadOnlySpan<byte> Multihash => _multihash;

    /// <summary>The multihash function code (0x12 for SHA2-256).</summary>
    public ulong HashFunction => Varint.TryRead(_multihash, out var code, out _) ? code : 0;

    /// <summary>The CID of a block whose SHA-256 is <paramref name="digest"/>.</summary>
    public static Cid FromSha256(int version, ulong codec, ReadOnlySpan<byte> digest)
    {
        if (digest.Length != Sha256Length)
        {
            throw new ArgumentException("a SHA-256 digest has 32 bytes", nameof(digest));
        }
        if (version == 0 && codec != Multicodec.DagPb)
        {
            throw new ArgumentException("CIDv0 can only name dag-pb blocks", nameof(codec));
        }
        var multihash = new byte[2 + Sha256Length];
        multihash[0] = (byte)Multicodec.Sha2_256;
        multihash[1] = Sha256Length;
        digest.CopyTo(multihash.AsSpan(2));
        return new Cid(version, codec, multihash);
    }

    public static Cid Parse(string text) =>
        TryParse(text, out var cid, out var problem) ? cid : throw new IpfsFormatException($"invalid CID \"{text}\": {problem}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out Cid? cid) => TryParse(text, out cid, out _);

    /// <summary>Parses a CIDv0 (<c>Qm…</c>) or a multibase CIDv1 (base32 <c>b…</c>, base58btc <c>z…</c>, base16 <c>f…</c>, …).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Cid? cid, out string problem)
    {
        cid = null;
        problem = "";
        if (string.IsNullOrEmpty(text))
        {
            problem = "empty";
            return false;
        }
        byte[] bytes;
        try
        {
            if (text.Length == 46 && text.StartsWith("Qm", StringComparison.Ordinal))
            {
                bytes = Base58.Bitcoin.Decode(text);
                return TryFromMultihash(bytes, out cid, out problem);
            }
            bytes = SimpleBase.Multibase.Decode(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            problem = "not valid base58btc or multibase text";
            return false;
        }
        return TryRead(bytes, out cid, out var length, out problem) && CheckWhole(bytes, length, ref problem);
    }

    /// <summary>Reads a binary CID (as in CAR sections and dag-pb links) from the start of <paramref name="source"/>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, [NotNullWhen(true)] out Cid? cid, out int length, out string problem)
    {
        cid = null;
        length = 0;
        if (source.Length >= 2 && source[0] == (byte)Multicodec.Sha2_256 && source[1] == Sha256Length)
        {
            length = 2 + Sha256Length;
            return TryFromMultihash(source[..Math.Min(length, source.Length)], out cid, out problem);
        }
        if (!Varint.TryRead(source, out var version, out var n1) || version != 1)
        {
            problem = "not a CIDv0 multihash and not CIDv1";
            return false;
        }
        if (!Varint.TryRead(source[n1..], out var codec, out var n2))
        {
            problem = "truncated codec";
            return false;
        }
        var start = n1 + n2;
        if (!Varint.TryRead(source[start..], out _, out var n3) || !Varint.TryRead(source[(start + n3)..], out var digestLength, out var n4)
            || digestLength > 128 || source.Length < start + n3 + n4 + (int)digestLength)
        {
            problem = "truncated multihash";
            return false;
        }
        length = start + n3 + n4 + (int)digestLength;
        cid = new Cid(1, codec, source[start..length].ToArray());
        problem = "";
        return true;
    }

    /// <summary>The binary form: the bare multihash for v0, version + codec + multihash for v1.</summary>
    public byte[] ToBytes()
    {
        if (Version == 0)
        {
            return (byte[])_multihash.Clone();
        }
        var bytes = new byte[Varint.Length(1) + Varint.Length(Codec) + _multihash.Length];
        var n = Varint.Write(bytes, 1);
        n += Varint.Write(bytes.AsSpan(n), Codec);
        _multihash.CopyTo(bytes.AsSpan(n));
        return bytes;
    }

    /// <summary>The same block named by a CIDv1 (a CIDv0 becomes <c>bafy…</c>).</summary>
    public Cid ToV1() => Version == 1 ? this : new Cid(1, Codec, _multihash);

    /// <summary>Whether both name the same bytes (same multihash), whatever their version or codec.</summary>
    public bool HasSameHash(Cid other) => _multihash.AsSpan().SequenceEqual(other._multihash);

    /// <summary>The SHA-256 digest inside the multihash, or empty when the CID uses another hash function.</summary>
    public ReadOnlySpan<byte> Sha256Digest =>
        _multihash.Length == 2 + Sha256Length && _multihash[0] == (byte)Multicodec.Sha2_256 && _multihash[1] == Sha256Length
            ? _multihash.AsSpan(2)
            : [];

    /// <summary>Kubo's text form: base58btc for v0, multibase base32 (lowercase, <c>b</c> prefix) for v1.</summary>
    public override string ToString() =>
        Version == 0 ? Base58.Bitcoin.Encode(_multihash) : SimpleBase.Multibase.Encode(ToBytes(), MultibaseEncoding.Base32Lower);

    public bool Equals(Cid? other) =>
        other is not null && Version == other.Version && Codec == other.Codec && HasSameHash(other);

    public override bool Equals(object? obj) => Equals(obj as Cid);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Version);
        hash.Add(Codec);
        hash.AddBytes(_multihash);
        return hash.ToHashCode();
    }

    private static bool TryFromMultihash(ReadOnlySpan<byte> multihash, [NotNullWhen(true)] out Cid? cid, out string problem)
    {
        cid = null;
        if (multihash.Length != 2 + Sha256Length || multihash[0] != (byte)Multicodec.Sha2_256 || multihash[1] != Sha256Length)
        {
            problem = "a CIDv0 must be a 34-byte SHA2-256 multihash";
            return false;
        }
        cid = new Cid(0, Multicodec.DagPb, multihash.ToArray());
        problem = "";
        return true;
    }

    private static bool CheckWhole(byte[] bytes, int length, ref string problem)
    {
        if (length == bytes.Length)
        {
            return true;
        }
        problem = $"{bytes.Length - length} trailing bytes after the CID";
        return false;
    }
}
