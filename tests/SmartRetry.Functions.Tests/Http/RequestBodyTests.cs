using Microsoft.AspNetCore.Http;
using SmartRetry.Functions.Http;

namespace SmartRetry.Functions.Tests.Http;

public sealed class RequestBodyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(RequestBody.MaxBytes)]
    public async Task Reads_the_exact_bytes_up_to_the_limit(int length)
    {
        byte[] sent = [.. Enumerable.Range(0, length).Select(i => (byte)(i % 251))];

        ReadOnlyMemory<byte>? read = await RequestBody.ReadAsync(Streamed(sent), CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(sent, read.Value.ToArray());
    }

    [Fact]
    public async Task A_streamed_body_without_a_length_is_refused_once_it_passes_the_limit()
        => Assert.Null(await RequestBody.ReadAsync(Streamed(new byte[RequestBody.MaxBytes + 1]), CancellationToken.None));

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading()
    {
        HttpRequest request = Streamed([]);
        request.ContentLength = RequestBody.MaxBytes + 1;

        Assert.Null(await RequestBody.ReadAsync(request, CancellationToken.None));
    }

    // Chunked transfer: no Content-Length, so only the bytes read count.
    private static HttpRequest Streamed(byte[] body)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = new MemoryStream(body);
        return http.Request;
    }
}
