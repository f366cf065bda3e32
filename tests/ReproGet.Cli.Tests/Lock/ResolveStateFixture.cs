using ReproGet.TestKit;

namespace ReproGet.Cli.Tests.Lock;

/// <summary>One cache for the collection, so the private apt lists are fetched once per architecture and suite.</summary>
public sealed class ResolveStateFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public string Cache => _temp.Combine("cache");

    public string Oracles => _temp.Combine("oracles");

    public void Dispose() => _temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ResolveStateCollection : ICollectionFixture<ResolveStateFixture>
{
    public const string Name = "private apt state";
}
