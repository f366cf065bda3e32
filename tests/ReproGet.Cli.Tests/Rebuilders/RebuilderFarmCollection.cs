namespace ReproGet.Cli.Tests.Rebuilders;

/// <summary>One <see cref="RebuilderFarm"/> for every test class of the collection.</summary>
[CollectionDefinition(RebuilderFarm.Collection)]
public sealed class RebuilderFarmCollection : ICollectionFixture<RebuilderFarm>;
