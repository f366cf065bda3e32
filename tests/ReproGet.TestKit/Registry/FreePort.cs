using System.Net;
using System.Net.Sockets;

namespace ReproGet.TestKit.Registry;

/// <summary>A loopback TCP port nobody listens on right now, for servers that must be told their port up front.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits until something accepts connections on <paramref name="port"/>; false if <paramref name="alive"/> turns false first.</summary>
    public static async Task<bool> WaitForListenerAsync(int port, Func<bool> alive, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && alive())
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
        return false;
    }
}
