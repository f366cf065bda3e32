namespace ReproGet.TestKit.Http;

/// <summary>What a <see cref="LoopbackHttpServer"/> does wrong, on purpose, when asked for one path.</summary>
public enum Misbehaviour
{
    /// <summary>Serves the bytes, honouring <c>Range: bytes=N-</c> with 206 and Content-Range.</summary>
    None,

    /// <summary>404 every time.</summary>
    NotFound,

    /// <summary>500 for the first <see cref="ServedFile.Failures"/> requests, then the bytes.</summary>
    ServerErrorThenOk,

    /// <summary>429 with <c>Retry-After: <see cref="ServedFile.RetryAfterSeconds"/></c> for the first failures, then the bytes.</summary>
    TooManyRequestsThenOk,

    /// <summary>Every response announces the full Content-Length, sends half of it, then aborts the connection.</summary>
    Truncate,

    /// <summary>Serves the bytes with one byte flipped (200, right length): only the digest can tell.</summary>
    WrongBytes,

    /// <summary>The first response sends half, then sends nothing for <see cref="ServedFile.Stall"/>; later ones honour Range.</summary>
    StallMidBody,

    /// <summary>The first request gets no answer at all (not even headers) for <see cref="ServedFile.Stall"/>; later ones the bytes.</summary>
    StallBeforeHeaders,

    /// <summary>The first response sends half, then aborts the connection; later ones honour Range.</summary>
    BreakThenResume,

    /// <summary>The first response sends half, then aborts; later ones ignore Range and send 200 with everything.</summary>
    BreakThenIgnoreRange,

    /// <summary>200 announcing the full length, then one byte every <see cref="ServedFile.TrickleInterval"/>: never a stall, never done.</summary>
    Trickle,

    /// <summary>200 without a length, then bytes for ever (chunked): a body with no end.</summary>
    Endless,

    /// <summary>302 to <see cref="ServedFile.Location"/> (another path of this server, or a <c>file:</c> URL).</summary>
    Redirect,
}
