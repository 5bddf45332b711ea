using System.Net;
using System.Net.Sockets;

namespace SmartRetry.Client.Tests.Support;

/// <summary>
/// A loopback port that refuses connections: bound but never listening, so no other test's server can take it while
/// this holds it (a port freed by stopping a server can be handed to the next server started in parallel).
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort()
    {
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}/");
    }

    public Uri Url { get; }

    public void Dispose() => socket.Dispose();
}
