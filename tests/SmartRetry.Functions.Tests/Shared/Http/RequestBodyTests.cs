using Microsoft.AspNetCore.Http;
using SmartRetry.Functions.Shared.Http;

namespace SmartRetry.Functions.Tests.Shared.Http;

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

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public void A_json_body_is_taken(string contentType) => Assert.True(RequestBody.HasJsonOrNoBody(WithBody(contentType)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/jsonp")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("not a media type")]
    public void A_body_that_is_not_declared_json_is_refused(string? contentType) => Assert.False(RequestBody.HasJsonOrNoBody(WithBody(contentType)));

    [Fact]
    public void No_body_needs_no_content_type()
    {
        var http = new DefaultHttpContext();
        http.Request.ContentLength = 0;
        http.Request.ContentType = "text/plain";

        Assert.True(RequestBody.HasJsonOrNoBody(http.Request));
        Assert.True(RequestBody.HasJsonOrNoBody(new DefaultHttpContext().Request));
    }

    [Fact]
    public void A_chunked_body_is_judged_by_its_content_type_too()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.TransferEncoding = "chunked";
        http.Request.ContentType = "text/plain";

        Assert.False(RequestBody.HasJsonOrNoBody(http.Request));
    }

    private static HttpRequest WithBody(string? contentType)
    {
        HttpRequest request = Streamed("{}"u8.ToArray());
        request.ContentLength = 2;
        request.ContentType = contentType;
        return request;
    }

    // Chunked transfer: no Content-Length, so only the bytes read count.
    private static HttpRequest Streamed(byte[] body)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = new MemoryStream(body);
        return http.Request;
    }
}
