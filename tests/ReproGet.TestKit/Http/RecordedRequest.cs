namespace ReproGet.TestKit.Http;

/// <summary>One request the server answered: its path, its Range header (if any) and the status sent.</summary>
public sealed record RecordedRequest(string Path, string? Range, int Status);
