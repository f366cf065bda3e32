using ReproGet.TestKit;

namespace ReproGet.Distros.Alpine.Tests;

/// <summary>Paths of the real Alpine data under <c>fixtures/alpine</c> (see fixtures/SOURCES.md).</summary>
internal static class AlpineFixtures
{
    public const string Key6165ee59 = "alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub";
    public const string Key616ae350 = "alpine-devel@lists.alpinelinux.org-616ae350.rsa.pub";
    public const string Key4a6a0840 = "alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub";

    public static string V316Index => FixturePath.Get("alpine", "v3.16-main-x86_64", "APKINDEX.tar.gz");

    public static string V317Index => FixturePath.Get("alpine", "v3.17-main-aarch64", "APKINDEX.tar.gz");

    public static string BaseLayout => FixturePath.Get("alpine", "packages", "alpine-baselayout-3.2.0-r23.apk");

    public static string Unsigned => FixturePath.Get("alpine", "packages", "test", "unsigned", "hello-0.1.0-r0.apk");

    public static string Melange(string file) => FixturePath.Get("alpine", "packages", "test", "melange-x86_64", file);

    public static string Key(string name) => name switch
    {
        Key6165ee59 => FixturePath.Get("alpine", "v3.16-main-x86_64", name),
        _ => FixturePath.Get("alpine", "keys", name),
    };

    /// <summary>A fresh keys directory holding exactly the named fixture keys (a key may be stored under another name).</summary>
    public static TempDirectory KeysDirectory(params (string File, string Name)[] keys)
    {
        var directory = new TempDirectory();
        foreach (var (file, name) in keys)
        {
            File.Copy(file, directory.Combine(name));
        }
        return directory;
    }

    public static TempDirectory KeysDirectory(params string[] names) =>
        KeysDirectory([.. names.Select(n => (Key(n), n))]);
}
