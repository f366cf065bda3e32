namespace ReproGet.Cli.Tests.Signals;

/// <summary>The tests that signal or kill the published binary share one <see cref="BusyRunFixture"/> and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BusyRunCollection : ICollectionFixture<BusyRunFixture>
{
    public const string Name = "busy published runs";
}
