using System.Globalization;
using System.Text.Json;
using RestSharp;
using SmartRetry.Client.Errors;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Http;

/// <summary>
/// Turns a non-success answer into the typed exception. The mapping is by status, except that a 400 carrying a
/// <c>*_NOT_FOUND</c> reason is a not-found (the status page and the errors page disagree on its status).
/// </summary>
internal static class ErrorMapper
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

    private static string Describe(ApiCall call, int status, RestResponse response, SmartRetryProblem? problem)
    {
        if (problem?.ReasonCode is null && problem?.Detail is null)
        {
            // Not problem-details JSON (e.g. a proxy's HTML page): describe it without echoing it.
            return string.Create(
                CultureInfo.InvariantCulture,
                $"SmartRetry {call.Operation} failed with HTTP {status} {response.StatusDescription} and a body that is not problem details ({response.ContentType ?? "no content type"}, {response.RawBytes?.Length ?? 0} bytes).");
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"SmartRetry {call.Operation} failed with HTTP {status} {problem.ReasonCode ?? "(no reason_code)"}: {problem.Detail ?? problem.Title}{(problem.Instance is null ? string.Empty : $" (instance {problem.Instance})")}");
    }

    private static TimeSpan? ContextRetryAfter(SmartRetryProblem? problem) =>
        problem?.Context is { } context
        && context.TryGetValue("retry_after_seconds", out JsonElement value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt32(out int seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
