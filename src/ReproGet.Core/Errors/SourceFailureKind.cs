namespace ReproGet.Core.Errors;

/// <summary>What kind of fault a <see cref="SourceException"/> is.</summary>
public enum SourceFailureKind
{
    /// <summary>Anything not listed: a bad URL, an unsupported scheme, a local read error.</summary>
    Other,

    /// <summary>Refused, unresolvable, TLS failed or connect timed out.</summary>
    Unreachable,

    /// <summary>An HTTP status other than the one wanted (see <see cref="HttpStatusException"/>).</summary>
    HttpStatus,

    /// <summary>No byte of the body for the stall timeout.</summary>
    Stalled,

    /// <summary>Bytes arrived, but slower than the minimum rate over its window.</summary>
    TooSlow,

    /// <summary>The connection was accepted but no response came.</summary>
    NoResponse,

    /// <summary>More bytes than the bound (the expected size, or <c>--max-file-size</c>, or the free-space reserve).</summary>
    TooLarge,

    /// <summary>The source announced a size other than the expected one.</summary>
    WrongSize,

    /// <summary>The path names no file, or something that is not a regular file (a FIFO, a device).</summary>
    NotAFile,
}
