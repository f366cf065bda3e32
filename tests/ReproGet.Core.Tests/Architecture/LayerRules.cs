namespace ReproGet.Core.Tests.Architecture;

/// <summary>
/// The arrows DESIGN.md allows between production assemblies: Cli → distros → Formats/Sources → Core. No plugin uses
/// another plugin; Formats and Sources use neither each other nor a plugin; Core uses none of them.
/// </summary>
internal static class LayerRules
{
    private enum Layer
    {
        Core,
        Formats,
        Sources,
        Plugin,
        Cli,
    }

    /// <summary>Why <paramref name="from"/> may not use <paramref name="to"/>, or null when the arrow is allowed.</summary>
    public static string? Forbidden(string from, string to)
    {
        if (from == to)
        {
            return null;
        }
        return (LayerOf(from), LayerOf(to)) switch
        {
            (Layer.Cli, _) => null,
            (Layer.Core, _) => "Core uses no other assembly",
            (Layer.Plugin, Layer.Plugin) => "a plugin never uses another plugin",
            (Layer.Plugin, Layer.Cli) => "a plugin never uses the CLI",
            (Layer.Plugin, _) => null,
            (Layer.Formats or Layer.Sources, Layer.Core) => null,
            (Layer.Formats, Layer.Sources) or (Layer.Sources, Layer.Formats) => "Formats and Sources never use each other",
            (Layer.Formats or Layer.Sources, _) => "Formats and Sources use Core only, never a plugin or the CLI",
            _ => "not an arrow of the layer picture",
        };
    }

    private static Layer LayerOf(string assembly) => assembly switch
    {
        "ReproGet.Core" => Layer.Core,
        "ReproGet.Formats" => Layer.Formats,
        "ReproGet.Sources" => Layer.Sources,
        "ReproGet.Cli" => Layer.Cli,
        _ when assembly.StartsWith("ReproGet.Distros.", StringComparison.Ordinal) => Layer.Plugin,
        _ => throw new ArgumentException($"\"{assembly}\" is no production assembly of the layer picture", nameof(assembly)),
    };
}
