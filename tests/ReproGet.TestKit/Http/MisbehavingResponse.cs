using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ReproGet.TestKit.Http;

/// <summary>
/// Writes one response of a <see cref="LoopbackHttpServer"/>, well or badly. The status is reported to
/// <paramref name="sent"/> as soon as it is chosen, before any body byte, so a client's next request never overtakes it.
/// </summary>
internal sealed class MisbehavingResponse(HttpContext context, ServedFile file, long? rangeStart, Action<int> sent,
    CancellationToken aborted)
{
    private static readonly TimeSpan BreakDelay = TimeSpan.FromMilliseconds(500);

    private HttpResponse Response => context.Response;

    private byte[] Content => file.Content;

    public void Status(int status)
    {
        Response.StatusCode = status;
        sent(status);
    }

    public void TooManyRequests()
    {
        Response.Headers.RetryAfter = file.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        Status(StatusCodes.Status429TooManyRequests);
    }

    public void Redirect()
    {
        Response.Headers.Location = file.Location ?? throw new InvalidOperationException("a redirect needs a Location");
        Status(StatusCodes.Status302Found);
    }

    /// <summary>200 with everything, or 206 from the requested offset when Range is honoured.</summary>
    public async Task WholeAsync(bool honourRange)
    {
        var start = honourRange ? rangeStart ?? 0 : 0;
        if (start >= Content.Length && start > 0)
        {
            Response.Headers.ContentRange = $"bytes */{Content.Length}";
            Status(StatusCodes.Status416RangeNotSatisfiable);
            return;
        }
        BeginBody(start, Content.Length - start);
        await Response.Body.WriteAsync(Content.AsMemory((int)start), aborted).ConfigureAwait(false);
    }

    public async Task FlippedByteAsync()
    {
        var wrong = (byte[])Content.Clone();
        wrong[wrong.Length / 2] ^= 0x01;
        BeginBody(0, wrong.Length);
        await Response.Body.WriteAsync(wrong, aborted).ConfigureAwait(false);
    }

    /// <summary>Announces the full length, sends half of it, and breaks the connection.</summary>
    public async Task HalfThenAbortAsync(bool honourRange)
    {
        await HalfAsync(honourRange ? rangeStart ?? 0 : 0).ConfigureAwait(false);
        // The abort is a TCP reset, and a reset makes the client's kernel drop what the client has not read yet;
        // give it time to read the half that was sent, so the break always falls mid-body.
        await Task.Delay(BreakDelay, aborted).ConfigureAwait(false);
        context.Abort();
    }


    /// <summary>Announces the full length, sends half of it, then keeps silent until the client gives up.</summary>
    public async Task HalfThenStallAsync()
    {
        await HalfAsync(rangeStart ?? 0).ConfigureAwait(false);
        await KeepSilentAsync().ConfigureAwait(false);
    }

    /// <summary>Announces the full length, then sends one byte per <see cref="ServedFile.TrickleInterval"/> until done or aborted.</summary>
    public async Task TrickleAsync()
    {
        BeginBody(0, Content.Length);
        try
        {
            for (var i = 0; i < Content.Length; i++)
            {
                await Response.Body.WriteAsync(Content.AsMemory(i, 1), aborted).ConfigureAwait(false);
                await Response.Body.FlushAsync(aborted).ConfigureAwait(false);
                await Task.Delay(file.TrickleInterval, aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up on the trickle, as it should.
        }
    }

    /// <summary>200 without a Content-Length, then the content over and over until the client breaks off.</summary>
    public async Task EndlessAsync()
    {
        Response.ContentType = "application/octet-stream";
        Status(StatusCodes.Status200OK);
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                await Response.Body.WriteAsync(Content, aborted).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client broke off the endless body, as it should.
        }
    }

    /// <summary>Sends nothing, not even a status line, until the client gives up (recorded as status 0).</summary>
    public async Task SilenceAsync()
    {
        sent(0);
        await KeepSilentAsync().ConfigureAwait(false);
    }

    private async Task KeepSilentAsync()
    {
        try
        {
            await Task.Delay(file.Stall, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client broke off the stalled transfer, as it should.
        }
        context.Abort();
    }

    private async Task HalfAsync(long start)
    {
        var remaining = Content.Length - start;
        BeginBody(start, remaining);
        await Response.Body.WriteAsync(Content.AsMemory((int)start, (int)(remaining / 2)), aborted).ConfigureAwait(false);
        await Response.Body.FlushAsync(aborted).ConfigureAwait(false);
    }

    private void BeginBody(long start, long length)
    {
        Response.ContentLength = length;
        Response.ContentType = "application/octet-stream";
        if (start == 0)
        {
            Status(StatusCodes.Status200OK);
            return;
        }
        Response.Headers.ContentRange = $"bytes {start}-{Content.Length - 1}/{Content.Length}";
        Status(StatusCodes.Status206PartialContent);
    }
}
