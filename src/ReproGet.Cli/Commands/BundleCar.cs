using ReproGet.Sources.Ipfs.Car;
using ReproGet.Sources.Ipfs.Multiformats;
using ReproGet.Sources.Ipfs.UnixFs;

namespace ReproGet.Cli.Commands;

/// <summary>
/// <c>bundle --car</c>: the bundle's blobs as one CARv1 file whose roots are the blobs' CIDs (as `ipfs add` gives
/// them), for `ipfs dag import` on a machine that moves files by IPFS.
/// </summary>
public static class BundleCar
{
    public const string FileName = "blobs.car";

    /// <summary>Two passes: the header lists the roots, so every CID is computed before the first block is written.</summary>
    public static async Task<int> WriteAsync(string bundleDirectory, CancellationToken cancellationToken)
    {
        var blobs = Directory.GetFiles(Path.Combine(bundleDirectory, "blobs", "sha256")).Order(StringComparer.Ordinal).ToList();
        var options = UnixFsImportOptions.KuboDefault;
        var roots = new List<Cid>();
        foreach (var blob in blobs)
        {
            roots.Add(await UnixFsImporter.ComputeFileAsync(blob, options, sink: null, cancellationToken).ConfigureAwait(false));
        }
        await using var output = new FileStream(Path.Combine(bundleDirectory, FileName), FileMode.Create, FileAccess.Write);
        var writer = CarWriter.Start(output, roots);
        foreach (var blob in blobs)
        {
            await UnixFsImporter.ComputeFileAsync(blob, options, writer, cancellationToken).ConfigureAwait(false);
        }
        return blobs.Count;
    }
}
