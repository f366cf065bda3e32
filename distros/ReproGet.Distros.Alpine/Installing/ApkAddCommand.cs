namespace ReproGet.Distros.Alpine.Installing;

/// <summary>
/// The one <c>apk add --no-network</c> transaction that installs local package files. Never
/// <c>--allow-untrusted</c>: apk checks every file's signature with the root's <c>/etc/apk/keys</c> (or the keys
/// directory the user chose) itself, on top of repro-get's own check.
/// </summary>
public sealed record ApkAddCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public const string Tool = "apk";

    public static ApkAddCommand For(string root, string? keysDirectory, IReadOnlyList<string> files)
    {
        var arguments = new List<string> { "add", "--no-network" };
        if (root != "/")
        {
            arguments.AddRange(["--root", root]);
        }
        if (keysDirectory is not null)
        {
            arguments.AddRange(["--keys-dir", keysDirectory]);
        }
        arguments.AddRange(files);
        return new ApkAddCommand(Tool, arguments);
    }

    public override string ToString() => string.Join(' ', [FileName, .. Arguments]);
}
