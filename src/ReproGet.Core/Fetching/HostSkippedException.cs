namespace ReproGet.Core.Fetching;

/// <summary>
/// A transfer that waited for a host's first answer learned that the host is unreachable: skip it, quietly. The
/// message is the reason the host was found unreachable.
/// </summary>
internal sealed class HostSkippedException(string reason) : Exception(reason);
