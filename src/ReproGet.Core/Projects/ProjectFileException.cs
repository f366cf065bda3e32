using ReproGet.Core.Errors;

namespace ReproGet.Core.Projects;

/// <summary>A <c>repro-get.toml</c> that cannot be used, at <c>file:line:column</c> (1-based, as Tomlyn reports them).</summary>
public sealed class ProjectFileException(string file, int line, int column, string problem, string? hint = null)
    : ReproGetException($"{file}:{line}:{column}: {problem}", hint)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
