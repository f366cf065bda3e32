using System.Text;
using ReproGet.Core.Hashing;

namespace ReproGet.Distros.Debian.Apt;

/// <summary>The fields of one Packages stanza that a lock needs.</summary>
internal readonly record struct ListStanza(string Architecture, string Version, string Filename, Sha256Digest Sha256)
{
    /// <summary>Reads Version, Architecture, Filename and SHA256 from one stanza; false when one is missing or unusable.</summary>
    public static bool TryParse(ReadOnlySpan<byte> stanza, out ListStanza result)
    {
        string? architecture = null, version = null, filename = null;
        Sha256Digest? sha256 = null;
        foreach (var range in stanza.Split((byte)'\n'))
        {
            var line = stanza[range];
            if (line.IsEmpty || line[0] is (byte)' ' or (byte)'\t')
            {
                continue;
            }
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }
            var field = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t\r"u8);
            if (Ascii.EqualsIgnoreCase(field, "Version"u8))
            {
                version = Encoding.UTF8.GetString(value);
            }
            else if (Ascii.EqualsIgnoreCase(field, "Architecture"u8))
            {
                architecture = Encoding.UTF8.GetString(value);
            }
            else if (Ascii.EqualsIgnoreCase(field, "Filename"u8))
            {
                filename = Encoding.UTF8.GetString(value);
            }
            else if (Ascii.EqualsIgnoreCase(field, "SHA256"u8) && Sha256Digest.TryParse(Encoding.ASCII.GetString(value), out var digest))
            {
                sha256 = digest.Value;
            }
        }
        result = architecture is null || version is null || filename is null || sha256 is null
            ? default
            : new ListStanza(architecture, version, filename, sha256.Value);
        return architecture is not null && version is not null && filename is not null && sha256 is not null;
    }
}
