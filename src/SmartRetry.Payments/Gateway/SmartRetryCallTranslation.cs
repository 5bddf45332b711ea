using SmartRetry.Client.Errors;

namespace SmartRetry.Payments.Gateway;

/// <summary>
/// The one place where the client's exceptions become the gateways' error contract. SmartRetry refusing the request
/// itself (validation, authentication, permission, not found, conflict) becomes <see cref="SmartRetryRejectedException"/>:
/// retrying cannot help. Transport, rate-limit and API (5xx) failures propagate unchanged, so the activity retry policy
/// retries them with the same idempotency key.
/// </summary>
internal static class SmartRetryCallTranslation
{
    /// <summary>The status used when the client refused to send the request itself (no HTTP status).</summary>
    private const int ClientSideValidationStatus = 400;

    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (SmartRetryException exception) when (IsRejection(exception))
        {
            throw Rejected(exception);
        }
    }

    private static bool IsRejection(SmartRetryException exception) =>
        exception is SmartRetryValidationException
            or SmartRetryAuthenticationException
            or SmartRetryPermissionException
            or SmartRetryNotFoundException
            or SmartRetryConflictException;

    /// <summary>
    /// Built from the operation, status and codes only: SmartRetry's <c>detail</c> and <c>context</c> may echo request
    /// values, so they are left out, and the client exception is not chained for the same reason.
    /// </summary>
    private static SmartRetryRejectedException Rejected(SmartRetryException exception)
    {
        int status = exception.StatusCode ?? ClientSideValidationStatus;
        string field = exception is SmartRetryValidationException { Field: { } name } ? $" (field {name})" : "";
        string instance = exception.Instance is { } id ? $"; instance {id}" : "";
        string message = $"SmartRetry rejected {exception.Operation ?? "the request"} with {status} {exception.ReasonCode ?? "no reason code"}{field}{instance}.";
        return new SmartRetryRejectedException(status, exception.ReasonCode, message);
    }
}
