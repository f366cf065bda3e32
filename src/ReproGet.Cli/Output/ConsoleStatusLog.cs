using ReproGet.Core.Distros;

namespace ReproGet.Cli.Output;

/// <summary>Status for people, on stderr: <c>repro-get: warning: …</c>. Colour only on a terminal without NO_COLOR.</summary>
public sealed class ConsoleStatusLog(bool debug) : IStatusLog
{
    private static readonly object Gate = new();

    public static bool UseColour { get; } = !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("NO_COLOR") is null
        && Environment.GetEnvironmentVariable("TERM") != "dumb";

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

    private static void Write(string? level, string message, string? colour)
    {
        var prefix = level is null ? "repro-get: " : $"repro-get: {level}: ";
        if (UseColour && colour is not null)
        {
            prefix = $"\u001b[{colour}m{prefix}\u001b[0m";
        }
        lock (Gate)
        {
            Console.Error.WriteLine(prefix + message);
        }
    }
}
