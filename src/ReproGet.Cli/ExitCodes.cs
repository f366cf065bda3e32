namespace ReproGet.Cli;

/// <summary>0 only when everything asked for happened; 1 for any failure, as the Go tool does.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
}
