namespace ReproGet.TestKit.Http;

/// <summary>One request the server answered: its path, its Range header (if any), the status sent, its Authorization header.</summary>
public sealed record RecordedRequest(string Path, string? Range, int Status, string? Authorization = null);
