using System.Net.Http.Headers;
using RestSharp;

namespace SmartRetry.Client.Http;

/// <summary>
/// Turns the <see cref="HttpResponseMessage"/> into the <see cref="RestResponse"/> the pipeline reads, keeping only the
/// body bytes and the headers SmartRetry defines. RestSharp's default reader also decodes the body to a string and
/// copies every header and cookie, which tripled the allocations of a call (see docs/performance.md).
/// Headers are read as sent (<see cref="HttpHeaders.NonValidated"/>): the pipeline parses the few it uses tolerantly
/// itself, and validating them first cost a parse, a lock and an array per header.
/// </summary>
internal static class ResponseReader
{
    private static readonly string[] KeptHeaders =
    [
        HeaderNames.IdempotencyKey,
        HeaderNames.IdempotencyReplayed,
        HeaderNames.LegacyIdempotencyReplayed,
        HeaderNames.IdempotencyExpires,
        HeaderNames.RetryAfter,
        HeaderNames.RateLimitLimit,
        HeaderNames.RateLimitRemaining,
        HeaderNames.RateLimitReset,
    ];

    public static RestResponse Read(HttpResponseMessage message, RestRequest request)
    {
        var headers = new List<HeaderParameter>(KeptHeaders.Length);
        foreach (string name in KeptHeaders)
        {
            if (message.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
            {
                headers.Add(new HeaderParameter(name, values.ToString()));
            }
        }

        return new RestResponse(request)
        {
            StatusCode = message.StatusCode,
            StatusDescription = message.ReasonPhrase,
            IsSuccessStatusCode = message.IsSuccessStatusCode,
            ResponseStatus = ResponseStatus.Completed,

            // Only the description of an error names the content type; a success does not pay for parsing it.
            ContentType = message.IsSuccessStatusCode ? null : message.Content.Headers.ContentType?.MediaType,
            Headers = headers,

            // The request asks for HttpCompletionOption.ResponseContentRead, so the body is already buffered and this
            // completes synchronously: RestSharp's writer hook is synchronous.
            RawBytes = message.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult(),
        };
    }
}
