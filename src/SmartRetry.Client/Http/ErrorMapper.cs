using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RestSharp;
using SmartRetry.Client.Errors;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Http;

/// <summary>
/// Turns a non-success answer into the typed exception. The mapping is by status, except that a 400 carrying a
/// <c>*_NOT_FOUND</c> reason is a not-found (the status page and the errors page disagree on its status).
/// </summary>
internal static partial class ErrorMapper
{
    public static SmartRetryException Map(ApiCall call, RestResponse response, DateTimeOffset now)
    {
        int status = (int)response.StatusCode;
        SmartRetryProblem? problem = TryParseProblem(response.RawBytes);
        string message = Describe(call, status, response, problem);
        SmartRetryException exception = status switch
        {
            400 or 404 when problem?.ReasonCode?.EndsWith("_NOT_FOUND", StringComparison.Ordinal) == true =>
                new SmartRetryNotFoundException(message, status, problem) { Operation = call.Operation, IdempotencyKey = call.IdempotencyKey },
            400 or 422 => new SmartRetryValidationException(message, status, problem) { Operation = call.Operation, IdempotencyKey = call.IdempotencyKey },
            401 => new SmartRetryAuthenticationException(message, status, problem) { Operation = call.Operation, IdempotencyKey = call.IdempotencyKey },
            403 => new SmartRetryPermissionException(message, status, problem) { Operation = call.Operation, IdempotencyKey = call.IdempotencyKey },
            404 => new SmartRetryNotFoundException(message, status, problem) { Operation = call.Operation, IdempotencyKey = call.IdempotencyKey },
            409 => new SmartRetryConflictException(message, status, problem) { Operation = call.Operation, IdempotencyKey = call.IdempotencyKey },
            429 => new SmartRetryRateLimitException(message, status, problem)
            {
                Operation = call.Operation,
                IdempotencyKey = call.IdempotencyKey,
                RetryAfter = ResponseHeaders.RetryAfter(response, now) ?? ContextRetryAfter(problem),
            },
            _ => new SmartRetryApiException(message, status, problem)
            {
                Operation = call.Operation,
                IdempotencyKey = call.IdempotencyKey,
                RetryAfter = ResponseHeaders.RetryAfter(response, now),
            },
        };
        return exception;
    }

    public static SmartRetryProblem? TryParseProblem(byte[]? body)
    {
        if (body is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SmartRetryProblem>(body, SmartRetryJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // SmartRetry's free text (title, detail, instance, the reason phrase, even an unexpected reason_code) may echo
    // the request it refused, card fields included, and the message travels on into logs, exception telemetry and
    // Durable's failure details. So the message holds only what is ours or shaped like a machine code; the parsed body
    // stays on the exception's Problem for a caller that decides to read it.
    private static string Describe(ApiCall call, int status, RestResponse response, SmartRetryProblem? problem)
    {
        if (problem is null)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"SmartRetry {call.Operation} failed with HTTP {status} and a body that is not problem details ({SafeMediaType(response.ContentType)}, {response.RawBytes?.Length ?? 0} bytes).");
        }

        return string.Create(CultureInfo.InvariantCulture, $"SmartRetry {call.Operation} failed with HTTP {status} {SafeReasonCode(problem.ReasonCode)}.");
    }

    /// <summary>The reason code when it has the shape of one (<c>INVALID_AMOUNT</c>, <c>AUTH.APPROVED</c>, <c>PAYER_ACCOUNT/STOLEN_INSTRUMENT</c>); otherwise a placeholder.</summary>
    internal static string SafeReasonCode(string? reasonCode) =>
        reasonCode is null ? "(no reason_code)" : ReasonCodeShape().IsMatch(reasonCode) ? reasonCode : "(reason_code not shaped like a code)";

    private static string SafeMediaType(string? contentType)
    {
        string mediaType = contentType?.Split(';')[0].Trim() ?? "";
        return mediaType.Length == 0 ? "no content type" : MediaTypeShape().IsMatch(mediaType) ? mediaType : "an unrecognised content type";
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_./-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReasonCodeShape();

    [GeneratedRegex("^[a-z0-9][a-z0-9.+-]{0,63}/[a-z0-9][a-z0-9.+-]{0,63}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MediaTypeShape();

    private static TimeSpan? ContextRetryAfter(SmartRetryProblem? problem) =>
        problem?.Context is { } context
        && context.TryGetValue("retry_after_seconds", out JsonElement value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt32(out int seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
