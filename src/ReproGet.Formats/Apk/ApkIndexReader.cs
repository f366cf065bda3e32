using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace ReproGet.Formats.Apk;

/// <summary>
/// Reads an <c>APKINDEX.tar.gz</c> in one pass: the signature member first, then the rest is hashed for the signature
/// check while it is inflated and its <c>APKINDEX</c> parsed record by record.
/// </summary>
public static class ApkIndexReader
{
    private const string IndexEntry = "APKINDEX";
    private const string DescriptionEntry = "DESCRIPTION";
    private const int MaxUnsignedIndexLength = 256 << 20;

    /// <param name="source">The file or URL the bytes come from, for error messages.</param>
    public static async Task<ApkIndexFile> ReadAsync(Stream stream, string source, CancellationToken cancellationToken)
    {
        var members = new GzipMemberReader(stream, source);
        if (!await members.HasMoreAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new ApkFormatException(source, "empty file");
        }
        var first = await members.ReadMemberAsync(MaxUnsignedIndexLength, cancellationToken).ConfigureAwait(false);
        var firstFiles = ApkTarFiles.Read(first.Content, source);
        if (!firstFiles.Any(f => ApkSignature.IsSignatureEntry(f.Key)))
        {
            return await FromUnsignedAsync(firstFiles, source, cancellationToken).ConfigureAwait(false);
        }

        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var signed = new TappedStream(members.Remainder, (bytes, _) =>
        {
            sha1.AppendData(bytes.Span);
            sha256.AppendData(bytes.Span);
            return ValueTask.CompletedTask;
        });
        string? description = null;
        IReadOnlyList<ApkStanza>? packages = null;
        try
        {
            await using var inflated = new GZipStream(signed, CompressionMode.Decompress, leaveOpen: true);
            await using var tar = new TarReader(inflated, leaveOpen: true);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                if (entry.DataStream is not { } data)
                {
                    // An empty member has no data stream.
                    description = entry.Name == DescriptionEntry ? "" : description;
                    continue;
                }
                using var text = new StreamReader(data, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
                if (entry.Name == IndexEntry)
                {
                    packages = await ApkStanzaReader.ReadAllAsync(text, $"{source}!{IndexEntry}", cancellationToken).ConfigureAwait(false);
                }
                else if (entry.Name == DescriptionEntry)
                {
                    description = (await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new ApkFormatException(source, $"corrupt index data: {e.Message}");
        }
        await signed.DrainAsync(cancellationToken).ConfigureAwait(false);
        return new ApkIndexFile(ApkTarFiles.Signatures(firstFiles), new ApkSignedDigests(sha1.GetHashAndReset(), sha256.GetHashAndReset()),
            description, packages ?? throw new ApkFormatException(source, $"no {IndexEntry} in the index"));
    }

    private static async Task<ApkIndexFile> FromUnsignedAsync(IReadOnlyList<KeyValuePair<string, byte[]>> files, string source,
        CancellationToken cancellationToken)
    {
        var index = files.FirstOrDefault(f => f.Key == IndexEntry).Value
            ?? throw new ApkFormatException(source, $"no {IndexEntry} in the index");
        using var text = new StreamReader(new MemoryStream(index), Encoding.UTF8);
        var packages = await ApkStanzaReader.ReadAllAsync(text, $"{source}!{IndexEntry}", cancellationToken).ConfigureAwait(false);
        var description = files.FirstOrDefault(f => f.Key == DescriptionEntry).Value is { } bytes ? Encoding.UTF8.GetString(bytes).Trim() : null;
        return new ApkIndexFile([], null, description, packages);
    }
}
