using System.Text;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Lockfiles;

/// <summary>Appends lines to a lockfile, first ending its last line if it lacks a newline (the Go tool merged the two).</summary>
public static class LockfileAppender
{
    public static void Append(string path, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            var text = new StringBuilder();
            if (file.Length > 0)
            {
                file.Seek(-1, SeekOrigin.End);
                if (file.ReadByte() != '\n')
                {
                    text.Append('\n');
                }
            }
            foreach (var line in lines)
            {
                text.Append(line).Append('\n');
            }
            file.Seek(0, SeekOrigin.End);
            file.Write(Encoding.UTF8.GetBytes(text.ToString()));
            file.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReproGetException($"cannot append to the lockfile \"{path}\": {e.Message}",
                "make it writable, or use --no-append and add the printed lines yourself", e);
        }
    }
}
