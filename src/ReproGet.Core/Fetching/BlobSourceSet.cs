namespace ReproGet.Core.Fetching;

/// <summary>The sources the fetcher may use, looked up by URL scheme.</summary>
public sealed class BlobSourceSet
{
    private readonly Dictionary<string, IBlobSource> _byScheme = new(StringComparer.OrdinalIgnoreCase);

    public BlobSourceSet(IEnumerable<IBlobSource> sources)
    {
        foreach (var source in sources)
        {
            foreach (var scheme in source.Schemes)
            {
                _byScheme[scheme] = source;
            }
        }
    }

    public IEnumerable<string> Schemes => _byScheme.Keys.Order(StringComparer.Ordinal);

    public IBlobSource? Find(string scheme) => _byScheme.GetValueOrDefault(scheme);
}
