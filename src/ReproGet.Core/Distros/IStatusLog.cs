namespace ReproGet.Core.Distros;

/// <summary>Messages for the person at the terminal (stderr); plugins never write to the console themselves.</summary>
public interface IStatusLog
{
    void Info(string message);

    void Warn(string message);

    void Debug(string message);
}
