namespace ReproGet.Distros.Alpine.Tests.Builders;

/// <summary>Builds a signed <c>APKINDEX.tar.gz</c>: gzip(signature tar) + gzip(tar of DESCRIPTION and APKINDEX).</summary>
internal static class TestIndexBuilder
{
    public static byte[] Build(IEnumerable<string> stanzas, TestKey? key, bool sha256Signature = false, string description = "v3.99.0-test")
    {
        var index = ApkArchive.Gzip(ApkArchive.Tar(
            [ApkArchive.TextFile("DESCRIPTION", description), ApkArchive.TextFile("APKINDEX", string.Concat(stanzas))], keepEndBlocks: true));
        return key is null ? index : [.. ApkArchive.SignatureMember(index, (key, sha256Signature)), .. index];
    }

    public static byte[] Build(IEnumerable<BuiltPackage> packages, TestKey key) => Build(packages.Select(p => p.IndexStanza()), key);
}
