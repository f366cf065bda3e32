namespace ReproGet.Sources.Ipfs.Tests.Support;

/// <summary>One real IPFS node shared by the integration tests (it takes seconds to start).</summary>
[CollectionDefinition(Name)]
public sealed class IpfsNodeCollection : ICollectionFixture<IpfsNode>
{
    public const string Name = "IPFS node";
}
