namespace ReproGet.Core.Hashing;

/// <summary>
/// Incremental SHA-256 that works with or without OpenSSL. .NET's own crypto aborts the whole process when
/// libssl is missing (a bare Debian minbase root), so <see cref="Create"/> picks OpenSSL only when it is there,
/// and libgcrypt (always present where apt is) otherwise.
/// </summary>
public abstract class Sha256Hasher : IDisposable
{
    public abstract void Append(ReadOnlySpan<byte> data);

    /// <summary>Returns the digest of everything appended since creation or the last reset, then resets.</summary>
    public abstract Sha256Digest Finish();

    public abstract void Dispose();

    public static Sha256Hasher Create() => Sha256Backend.Current switch
    {
        Sha256BackendKind.Gcrypt => new GcryptSha256(),
        _ => new OpenSslSha256(),
    };

    public static async Task<Sha256Digest> HashStreamAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var hasher = Create();
        var buffer = new byte[1 << 17];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hasher.Append(buffer.AsSpan(0, read));
        }
        return hasher.Finish();
    }

    public static async Task<Sha256Digest> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: false);
        return await HashStreamAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    public static Sha256Digest HashBytes(ReadOnlySpan<byte> data)
    {
        using var hasher = Create();
        hasher.Append(data);
        return hasher.Finish();
    }
}
