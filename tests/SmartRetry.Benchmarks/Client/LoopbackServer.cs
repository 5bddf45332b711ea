using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartRetry.Benchmarks.Client;

/// <summary>
/// A minimal HTTP/1.1 responder on a free loopback port: it reads each request (headers, then <c>Content-Length</c>
/// body bytes) and answers with one canned response over keep-alive connections. Its per-request work depends only on
/// the request's size, never on who sent it, and it allocates nothing per request: BenchmarkDotNet's MemoryDiagnoser
/// counts every thread of the process, so a server allocating per request (as Kestrel does) would add the same bytes to
/// the baseline and to the client and flatter the allocation ratio.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Socket listener;
    private readonly byte[] response;
    private readonly ConcurrentDictionary<Socket, Task> connections = new();
    private readonly Task acceptLoop;

    private LoopbackServer(Socket listener, byte[] response)
    {
        this.listener = listener;
        this.response = response;
        acceptLoop = AcceptAsync();
    }

    public Uri BaseUrl => new($"http://{listener.LocalEndPoint}/");

    /// <summary>Starts answering every request with status 200, <paramref name="headers"/> and a JSON <paramref name="body"/>.</summary>
    public static LoopbackServer Start(string body, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(backlog: 16);
        var head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
        foreach ((string name, string value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        byte[] bodyBytes = Encoding.UTF8.GetBytes(body);
        head.Append("Content-Length: ").Append(bodyBytes.Length).Append("\r\n\r\n");
        return new LoopbackServer(listener, [.. Encoding.ASCII.GetBytes(head.ToString()), .. bodyBytes]);
    }

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        foreach (Socket connection in connections.Keys)
        {
            connection.Dispose();
        }

        await Task.WhenAll([acceptLoop, .. connections.Values]);
    }

    /// <summary>The length of the first request in <paramref name="received"/>, or -1 while it is incomplete.</summary>
    private static int RequestLength(ReadOnlySpan<byte> received)
    {
        int headEnd = received.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return -1;
        }

        int length = headEnd + 4 + ContentLength(received[..headEnd]);
        return length <= received.Length ? length : -1;
    }

    /// <summary>The <c>Content-Length</c> of a request head (request line and header lines, without the blank line).</summary>
    private static int ContentLength(ReadOnlySpan<byte> head)
    {
        const int NameLength = 15; // "Content-Length:"
        int length = 0;
        foreach (Range range in head.Split("\r\n"u8))
        {
            ReadOnlySpan<byte> line = head[range];
            if (line.StartsWith("Transfer-Encoding:"u8) || line.StartsWith("transfer-encoding:"u8))
            {
                throw new NotSupportedException("The loopback responder reads Content-Length bodies only.");
            }

            if (line.Length > NameLength && Ascii.EqualsIgnoreCase(line[..NameLength], "Content-Length:"u8)
                && !Utf8Parser.TryParse(line[NameLength..].Trim((byte)' '), out length, out _))
            {
                throw new InvalidDataException("The request's Content-Length is not a number.");
            }
        }

        return length;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                Socket connection = await listener.AcceptAsync();
                connection.NoDelay = true;
                connections[connection] = Task.Run(() => ServeAsync(connection));
            }
        }
        catch (Exception stopped) when (stopped is SocketException or ObjectDisposedException)
        {
            // DisposeAsync closed the listener.
        }
    }

    // One state machine per connection; the socket's ValueTask-based receive and send reuse their event args, so a
    // request costs no allocation.
    private async Task ServeAsync(Socket connection)
    {
        byte[] buffer = new byte[BufferSize];
        int filled = 0;
        try
        {
            while (true)
            {
                int requestLength = RequestLength(buffer.AsSpan(0, filled));
                if (requestLength < 0)
                {
                    if (filled == buffer.Length)
                    {
                        throw new InvalidDataException($"A request larger than {BufferSize} bytes reached the loopback responder.");
                    }

                    int received = await connection.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
                    if (received == 0)
                    {
                        return;
                    }

                    filled += received;
                    continue;
                }

                // HttpClient does not pipeline, but keep any bytes of a next request rather than assume so.
                buffer.AsSpan(requestLength, filled - requestLength).CopyTo(buffer);
                filled -= requestLength;
                await connection.SendAsync(response.AsMemory(), SocketFlags.None);
            }
        }
        catch (Exception closed) when (closed is SocketException or ObjectDisposedException)
        {
            // DisposeAsync closed the connection.
        }
        finally
        {
            connections.TryRemove(connection, out _);
            connection.Dispose();
        }
    }
}
