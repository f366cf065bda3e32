using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReproGet.TestKit;

namespace ReproGet.Core.Tests.Architecture;

/// <summary>A production project as its files say: its ProjectReferences, and the ReproGet namespaces its code names.</summary>
internal sealed partial record ProductionProject(string Name, string CsprojPath, IReadOnlyList<string> References,
    IReadOnlyDictionary<string, string> NamespaceUses)
{
    /// <summary>Every project under src/ and distros/.</summary>
    public static IReadOnlyList<ProductionProject> All() =>
    [
        .. new[] { "src", "distros" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(FixturePath.RepositoryRoot, d), "*.csproj", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(Read),
    ];

    public static ProductionProject Read(string csproj)
    {
        var name = Path.GetFileNameWithoutExtension(csproj);
        var references = XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
            .ToList();
        // The first file naming each other assembly's namespace, to point at.
        var uses = new Dictionary<string, string>(StringComparer.Ordinal);
        var directory = Path.GetDirectoryName(csproj)!;
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(directory, f)).Order(StringComparer.Ordinal))
        {
            foreach (Match match in NamespaceReference().Matches(File.ReadAllText(file)))
            {
                uses.TryAdd(match.Groups[1].Value, Path.GetRelativePath(FixturePath.RepositoryRoot, file));
            }
        }
        return new ProductionProject(name, Path.GetRelativePath(FixturePath.RepositoryRoot, csproj), references, uses);
    }

    private static bool IsBuildOutput(string projectDirectory, string file)
    {
        var relative = Path.GetRelativePath(projectDirectory, file).Split('/');
        return relative[0] is "obj" or "bin";
    }

    // ReproGet.Core, ReproGet.Formats, ReproGet.Sources, ReproGet.Cli, ReproGet.Distros.<Name>: the assembly a name lives in.
    [GeneratedRegex(@"\b(ReproGet\.(?:Core|Formats|Sources|Cli|Distros\.[A-Za-z]+))\b(?!\.Tests)")]
    private static partial Regex NamespaceReference();
}
