using ReproGet.Core.Lockfiles;

namespace ReproGet.Core.Tests.Lockfiles;

public sealed class LockNameTests
{
    [Theory]
    [InlineData("a/b/c", "a/b/c")]
    [InlineData("a//b", "a/b")]
    [InlineData("./a", "a")]
    [InlineData("a/./b/", "a/b")]
    [InlineData("a/../b", "b")]
    [InlineData("a/../../b", "../b")]
    [InlineData("../../b", "../../b")]
    [InlineData("/../a", "/a")]
    [InlineData("/", "/")]
    [InlineData("", ".")]
    [InlineData("a/..", ".")]
    public void CleanIsGoPathClean(string name, string clean)
    {
        Assert.Equal(clean, LockName.Clean(name));
    }

    [Theory]
    [InlineData("pool/main/h/hello/hello_2.10-2_amd64.deb", "hello_2.10-2_amd64.deb")]
    [InlineData("x.txt", "x.txt")]
    [InlineData("n/neofetch/neofetch-7.1.0-2-any.pkg.tar.zst.sig", "neofetch-7.1.0-2-any.pkg.tar.zst.sig")]
    public void BasenameIsTheLastComponent(string name, string basename)
    {
        Assert.Equal(basename, LockName.Basename(name));
    }

    [Theory]
    [InlineData("pool/main/h/hello/hello_2.10-2_amd64.deb")]
    [InlineData(" leading space.txt")]
    [InlineData("trailing space ")]
    [InlineData("a..b/c...d")]
    [InlineData("v3.16/main/x86_64/bash-5.1.16-r2.apk")]
    public void ValidNamesHaveNoProblem(string name)
    {
        Assert.Null(LockName.Explain(name));
    }
}
