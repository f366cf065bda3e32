using System.Text;
using System.Text.Json;
using ReproGet.Core.Attestations;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Tests.Attestations;

public sealed class CanonicalJsonTests
{
    private static string Encode(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Encoding.UTF8.GetString(CanonicalJson.Encode(document.RootElement));
    }

    [Fact]
    public void KeysAreSortedWhitespaceDroppedAndOnlyQuoteAndBackslashEscaped()
    {
        var encoded = Encode("""{ "b": [1, true, null], "a": {"z": "x\"y\\z\n\u00e9", "_type": "link"} }""");

        Assert.Equal("{\"a\":{\"_type\":\"link\",\"z\":\"x\\\"y\\\\z\n\u00e9\"},\"b\":[1,true,null]}", encoded);
    }

    [Fact]
    public void FloatsAreRefused()
    {
        Assert.Throws<ReproGetException>(() => Encode("""{"a": 1.5}"""));
        Assert.Throws<ReproGetException>(() => Encode("""{"a": 1e3}"""));
    }
}
