using ReproGet.Core.Errors;
using ReproGet.Core.Packages;

namespace ReproGet.Core.Tests.GoCompat;

/// <summary>Package-name parsing where Go repro-get went wrong (reference §3).</summary>
public sealed class PackageNameCompatTests
{
    [Fact]
    public void Fixed_ApkNamesWithADigitLedWordSplitAtTheRelease()
    {
        // Go split at the first digit-led word: font-adobe / 100dpi-1.0-r0.
        var parsed = PackageFileName.TryParse("font-adobe-100dpi-1.0-r0.apk");
        Assert.Equal(("font-adobe-100dpi", "1.0-r0"), (parsed!.Package, parsed.Version));
    }

    [Fact]
    public void Fixed_AnEmptyApkSegmentIsAnErrorNotACrash()
    {
        Assert.Throws<ReproGetException>(() => PackageFileName.TryParse("bash--r0.apk"));
    }

    [Fact]
    public void Kept_PacmanEpochsStayInTheVersion()
    {
        Assert.Equal("1:1.2.13-1", PackageFileName.TryParse("zlib-1:1.2.13-1-x86_64.pkg.tar.zst")!.Version);
    }
}
