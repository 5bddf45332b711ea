using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SmartRetry.Functions.Shared.Http;

/// <summary>
/// Reads a request body as the exact bytes received: the webhook signature is computed over them, and the app's
/// readers parse bytes themselves. Bodies are small JSON documents, so anything above <see cref="MaxBytes"/> is refused
/// unread beyond the limit instead of being buffered in memory.
/// </summary>
public static class RequestBody
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>
    /// True when the request has no body, or declares it <c>application/json</c> (a <c>charset</c>, if given, UTF-8):
    /// the only body any route reads. A form post or <c>text/plain</c> that happens to parse is not taken for JSON.
    /// </summary>
    public static bool HasJsonOrNoBody(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody)
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? contentType)
            && contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            && (contentType.Charset.Length == 0 || contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <returns>The body (empty when none was sent), or null when it is larger than <see cref="MaxBytes"/>.</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
