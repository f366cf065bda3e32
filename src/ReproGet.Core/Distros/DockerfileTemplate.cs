using System.Reflection;
using System.Text;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Distros;

/// <summary>Fills a plugin's embedded Dockerfile template: <c>@NAME@</c> placeholders, nothing conditional.</summary>
public static class DockerfileTemplate
{
    public static IReadOnlyList<(string Placeholder, Func<DockerfileParameters, string> Value)> Placeholders { get; } =
    [
        ("@BASE_IMAGE@", p => p.BaseImage),
        ("@BASE_IMAGE_ORIGINAL@", p => p.BaseImageOriginal),
        ("@PACKAGES@", p => p.Packages),
        ("@ARCH@", p => p.Architecture),
        ("@BINARY@", p => p.Binary),
        ("@BINARY_SHA256@", p => p.BinarySha256),
        ("@DISTRO@", p => p.Distro),
        ("@VERSION@", p => p.Version),
    ];

    /// <summary>Renders the resource <paramref name="resourceName"/> of <paramref name="assembly"/>, or null when it has none.</summary>
    public static string? Render(Assembly assembly, string resourceName, DockerfileParameters parameters)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        foreach (var (placeholder, value) in Placeholders)
        {
            var replacement = value(parameters);
            if (replacement.Any(c => char.IsControl(c) || c is '"' or '\\' or '$' or '`'))
            {
                throw new ReproGetException($"cannot put \"{replacement}\" into a Dockerfile ({placeholder}): it has quotes, '$', '\\' or control characters",
                    "pass plain image references and package names");
            }
            text = text.Replace(placeholder, replacement, StringComparison.Ordinal);
        }
        return text;
    }
}
