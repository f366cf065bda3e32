namespace ReproGet.Sources.Oci.Tests;

public sealed class ScopeTests
{
    [Fact]
    public void Scopes_of_one_repository_merge_their_actions()
    {
        var merged = RegistryAuthorizer.MergeScopes(
            ["repository:team/debs:pull,push", "repository:team/debs:pull", "repository:team/base:pull", "registry:catalog:*"]);

        Assert.Equal(["registry:catalog:*", "repository:team/base:pull", "repository:team/debs:pull,push"], merged);
    }
}
