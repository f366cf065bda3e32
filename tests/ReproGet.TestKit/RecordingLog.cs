using ReproGet.Core.Distros;

namespace ReproGet.TestKit;

/// <summary>An <see cref="IStatusLog"/> that keeps every message, for assertions.</summary>
public sealed class RecordingLog : IStatusLog
{
    private readonly Lock _gate = new();
    private readonly List<(string Level, string Message)> _messages = [];

    public IReadOnlyList<string> Infos => Of("info");

    public IReadOnlyList<string> Warnings => Of("warn");

    public IReadOnlyList<string> Debugs => Of("debug");

    public void Info(string message) => Add("info", message);

    public void Warn(string message) => Add("warn", message);

    public void Debug(string message) => Add("debug", message);

    private void Add(string level, string message)
    {
        lock (_gate)
        {
            _messages.Add((level, message));
        }
    }

    private List<string> Of(string level)
    {
        lock (_gate)
        {
            return [.. _messages.Where(m => m.Level == level).Select(m => m.Message)];
        }
    }
}
