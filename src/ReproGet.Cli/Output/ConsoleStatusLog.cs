using ReproGet.Core.Distros;
using ReproGet.Core.Lockfiles;

namespace ReproGet.Cli.Output;

/// <summary>
/// Status for people, on the invocation's error writer (stderr): <c>repro-get: warning: …</c>. Colour only when
/// that writer is a terminal's stderr and NO_COLOR is unset.
/// </summary>
internal sealed class ConsoleStatusLog(TextWriter writer, bool debug) : IStatusLog
{
    private static readonly object Gate = new();

    /// <summary>The writer status goes to; progress redraws its live line there too.</summary>
    public TextWriter Writer { get; } = writer;

    /// <summary>True when <see cref="Writer"/> is an interactive terminal (live progress and colour make sense).</summary>
    public bool IsTerminal { get; } = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("TERM") != "dumb";

    private bool UseColour => IsTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public bool IsDebug { get; } = debug;

    public void Info(string message) => Write(null, message, null);

    public void Warn(string message) => Write("warning", message, "33");

    public void Error(string message) => Write("error", message, "31");

    public void Hint(string message) => Write("hint", message, "36");

    public void Debug(string message)
    {
        if (IsDebug)
        {
            Write("debug", message, "90");
        }
    }

    private void Write(string? level, string message, string? colour)
    {
        var prefix = level is null ? "repro-get: " : $"repro-get: {level}: ";
        if (UseColour && colour is not null)
        {
            prefix = $"\u001b[{colour}m{prefix}\u001b[0m";
        }
        lock (Gate)
        {
            // Names are quoted where messages are made; this is the net under them: nothing in a message can drive
            // the terminal (ESC sequences, U+202E, U+2028) or start a line that looks like ours.
            Writer.WriteLine(prefix + string.Join("\n", message.Split('\n').Select(NameEscaping.EscapeControls)));
        }
    }
}
