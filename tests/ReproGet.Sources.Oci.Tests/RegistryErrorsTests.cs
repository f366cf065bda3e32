using System.Text;

namespace ReproGet.Sources.Oci.Tests;

public sealed class RegistryErrorsTests
{
    [Fact]
    public void Joins_the_codes_and_messages_of_a_spec_error_body()
    {
        var body = """{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry","detail":"sha256:00"},{"code":"DENIED"}]}""";

        Assert.Equal("BLOB_UNKNOWN: blob unknown to registry; DENIED", RegistryErrors.Describe(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Shows_the_start_of_a_body_that_is_not_spec_json() =>
        Assert.Equal("<html> 502 Bad Gateway </html>", RegistryErrors.Describe("<html>\n502 Bad Gateway\n</html>\n"u8));

    [Fact]
    public void An_empty_body_says_nothing() => Assert.Null(RegistryErrors.Describe(" \n"u8));
}
