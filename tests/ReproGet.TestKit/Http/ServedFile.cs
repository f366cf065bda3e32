namespace ReproGet.TestKit.Http;

/// <summary>The bytes a <see cref="LoopbackHttpServer"/> serves at one path, and how it misbehaves while doing so.</summary>
public sealed record ServedFile(byte[] Content, Misbehaviour Misbehaviour = Misbehaviour.None)
{
    /// <summary>How many requests fail before the bytes are served (<see cref="Misbehaviour.ServerErrorThenOk"/>, 429).</summary>
    public int Failures { get; init; } = 1;

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>How long <see cref="Misbehaviour.StallMidBody"/> keeps silent (it ends early when the client gives up).</summary>
    public TimeSpan Stall { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="Misbehaviour.Trickle"/> waits between bytes.</summary>
    public TimeSpan TrickleInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The Location header of <see cref="Misbehaviour.Redirect"/>.</summary>
    public string? Location { get; init; }
}
