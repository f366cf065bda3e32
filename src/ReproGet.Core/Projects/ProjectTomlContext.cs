using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace ReproGet.Core.Projects;

/// <summary>Source-generated Tomlyn metadata for the untyped model: no reflection, so it survives trimming.</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class ProjectTomlContext : TomlSerializerContext
{
    public ProjectTomlContext(TomlSerializerOptions options)
        : base(options)
    {
    }
}
