namespace ReproGet.Cli;

/// <summary>
/// 0 only when everything asked for happened; 1 for any failure, as the Go tool does; 128 + the signal's number when
/// a signal stopped the run (130 SIGINT, 143 SIGTERM, 129 SIGHUP, 131 SIGQUIT).
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Interrupted = 130;
}
