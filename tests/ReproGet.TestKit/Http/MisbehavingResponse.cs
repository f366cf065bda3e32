using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ReproGet.TestKit.Http;

/// <summary>Writes one response of a <see cref="LoopbackHttpServer"/>, well or badly; each method returns the status sent.</summary>
internal sealed class MisbehavingResponse(HttpContext context, ServedFile file, long? rangeStart, CancellationToken aborted)
{
    private HttpResponse Response => context.Response;

    private byte[] Content => file.Content;

    public int Status(int status)
    {
        Response.StatusCode = status;
        return status;
    }

    public int TooManyRequests()
    {
        Response.Headers.RetryAfter = file.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Status(StatusCodes.Status429TooManyRequests);
    }

    public int Redirect()
    {
        Response.Headers.Location = file.Location ?? throw new InvalidOperationException("a redirect needs a Location");
        return Status(StatusCodes.Status302Found);
    }

    /// <summary>200 with everything, or 206 from the requested offset when Range is honoured.</summary>
    public async Task<int> WholeAsync(bool honourRange)
    {
        var start = honourRange ? rangeStart ?? 0 : 0;
        if (start >= Content.Length && start > 0)
        {
            Response.Headers.ContentRange = $"bytes */{Content.Length}";
            return Status(StatusCodes.Status416RangeNotSatisfiable);
        }
        var status = BeginBody(start, Content.Length - start);
        await Response.Body.WriteAsync(Content.AsMemory((int)start), aborted).ConfigureAwait(false);
        return status;
    }

    public async Task<int> FlippedByteAsync()
    {
        var wrong = (byte[])Content.Clone();
        wrong[wrong.Length / 2] ^= 0x01;
        var status = BeginBody(0, wrong.Length);
        await Response.Body.WriteAsync(wrong, aborted).ConfigureAwait(false);
        return status;
    }

    /// <summary>Announces the full length, sends half of it, and breaks the connection.</summary>
    public async Task<int> HalfThenAbortAsync(bool honourRange)
    {
        var status = await HalfAsync(honourRange ? rangeStart ?? 0 : 0).ConfigureAwait(false);
        context.Abort();
        return status;
    }

    /// <summary>Announces the full length, sends half of it, then keeps silent until the client gives up.</summary>
    public async Task<int> HalfThenStallAsync()
    {
        var status = await HalfAsync(rangeStart ?? 0).ConfigureAwait(false);
        try
        {
            await Task.Delay(file.Stall, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client broke off the stalled transfer, as it should.
        }
        context.Abort();
        return status;
    }

    private async Task<int> HalfAsync(long start)
    {
        var remaining = Content.Length - start;
        var status = BeginBody(start, remaining);
        await Response.Body.WriteAsync(Content.AsMemory((int)start, (int)(remaining / 2)), aborted).ConfigureAwait(false);
        await Response.Body.FlushAsync(aborted).ConfigureAwait(false);
        return status;
    }

    private int BeginBody(long start, long length)
    {
        Response.ContentLength = length;
        Response.ContentType = "application/octet-stream";
        if (start == 0)
        {
            return Status(StatusCodes.Status200OK);
        }
        Response.Headers.ContentRange = $"bytes {start}-{Content.Length - 1}/{Content.Length}";
        return Status(StatusCodes.Status206PartialContent);
    }
}
