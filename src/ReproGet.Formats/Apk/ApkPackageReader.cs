using System.Security.Cryptography;
using System.Text;

namespace ReproGet.Formats.Apk;

/// <summary>
/// Reads an apk v2 package as it streams by: gzip member 1 is the signature tar (absent in unsigned packages), the
/// next is the control tar with <c>.PKGINFO</c>, and everything after it is the data member, which is only hashed.
/// </summary>
public static class ApkPackageReader
{
    /// <summary>Signature and control members are a few KiB; this only guards against a hostile file.</summary>
    public const int MaxControlLength = 16 << 20;

    /// <param name="source">The file or URL the bytes come from, for error messages.</param>
    public static async Task<ApkPackageFile> ReadAsync(Stream stream, string source, CancellationToken cancellationToken)
    {
        var members = new GzipMemberReader(stream, source);
        if (!await members.HasMoreAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new ApkFormatException(source, "empty file");
        }
        var first = await members.ReadMemberAsync(MaxControlLength, cancellationToken).ConfigureAwait(false);
        var firstFiles = ApkTarFiles.Read(first.Content, source);
        var signed = firstFiles.Any(f => ApkSignature.IsSignatureEntry(f.Key));
        var control = signed ? await members.ReadMemberAsync(MaxControlLength, cancellationToken).ConfigureAwait(false) : first;
        var controlFiles = signed ? ApkTarFiles.Read(control.Content, source) : firstFiles;
        var pkgInfo = controlFiles.FirstOrDefault(f => f.Key == ".PKGINFO").Value
            ?? throw new ApkFormatException(source, "the control member has no .PKGINFO");

        using var dataHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 17];
        long dataLength = 0;
        int read;
        while ((read = await members.Remainder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            dataHash.AppendData(buffer, 0, read);
            dataLength += read;
        }
        if (dataLength == 0)
        {
            throw new ApkFormatException(source, "no data member after the control member (truncated?)");
        }
        var length = (signed ? first.Raw.Length : 0) + control.Raw.Length + dataLength;
        return new ApkPackageFile(ApkTarFiles.Signatures(firstFiles), control.Raw, ApkPkgInfo.Parse(Encoding.UTF8.GetString(pkgInfo)),
            Convert.ToHexStringLower(dataHash.GetHashAndReset()), length);
    }
}
