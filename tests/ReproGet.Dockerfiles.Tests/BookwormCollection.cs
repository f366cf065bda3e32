namespace ReproGet.Dockerfiles.Tests;

/// <summary>One <see cref="BookwormBase"/> (rootfs, base image, lock) for every test class that needs it.</summary>
[CollectionDefinition(Name)]
public sealed class BookwormCollection : ICollectionFixture<BookwormBase>
{
    public const string Name = "bookworm base";
}
