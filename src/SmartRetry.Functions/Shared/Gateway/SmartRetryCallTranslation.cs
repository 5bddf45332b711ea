using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SmartRetry.Client.Errors;

namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>
/// The one place where the client's exceptions become the gateways' error contract. SmartRetry refusing the request
/// itself (validation, authentication, permission, not found, conflict, or a request the client would not send) is a
/// refusal: retrying cannot help. A payment POST returns it as the result's <see cref="PaymentRejection"/>, which is
/// what the orchestrations read (<see cref="Refused"/>); every other call throws it as <see cref="SmartRetryRejectedException"/>.
/// Transport, rate-limit and API (5xx) failures propagate unchanged, so the activity retry policy retries them with the
/// same idempotency key.
/// </summary>
internal static partial class SmartRetryCallTranslation
{
    /// <summary>The status used when the client refused to send the request itself (no HTTP status).</summary>
    private const int ClientSideValidationStatus = 400;

    public static async Task<T> CallAsync<T>(Func<Task<T>> call, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (SmartRetryException exception) when (IsRejection(exception))
        {
            throw Rejected(exception, logger);
        }
    }

    public static bool IsRejection(SmartRetryException exception) =>
        exception is SmartRetryValidationException
            or SmartRetryAuthenticationException
            or SmartRetryPermissionException
            or SmartRetryNotFoundException
            or SmartRetryConflictException;

    /// <summary>A refused payment POST as the orchestrations read it: SmartRetry's reason code and HTTP status.</summary>
    public static PaymentSubmissionResult Refused(SmartRetryException exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(exception);
        (int status, _) = Log(exception, logger);
        return PaymentSubmissionResult.Refused(new PaymentRejection(exception.ReasonCode ?? $"HTTP_{status}", status));
    }

    /// <summary>
    /// Built from SmartRetry's machine fields only: the client's message and inner exception are dropped, because an
    /// error body's <c>detail</c> or <c>context.value</c> may echo the card number it refused.
    /// </summary>
    private static SmartRetryRejectedException Rejected(SmartRetryException exception, ILogger? logger)
    {
        (int status, string? field) = Log(exception, logger);
        string message = string.Create(
            CultureInfo.InvariantCulture,
            $"SmartRetry refused {exception.Operation ?? "the request"}: HTTP {status} {exception.ReasonCode ?? "(no reason code)"}{(field is null ? "" : $" on {field}")}.");
        return new SmartRetryRejectedException(status, exception.ReasonCode, message);
    }

    /// <returns>SmartRetry's HTTP status (400 when the client refused to send the request) and the offending field's path.</returns>
    private static (int Status, string? Field) Log(SmartRetryException exception, ILogger? logger)
    {
        int status = exception.StatusCode ?? ClientSideValidationStatus;
        string? field = exception is SmartRetryValidationException validation ? FieldPath(validation.Field) : null;
        if (logger is not null)
        {
            GatewayLog.Refused(logger, exception.Operation, status, exception.ReasonCode, field, exception.Instance);
        }

        return (status, field);
    }

    /// <summary>The offending field's JSON path when it is one (a name, never a value such as a card number); else null.</summary>
    private static string? FieldPath(string? field) => field is not null && FieldPathPattern().IsMatch(field) ? field : null;

    [GeneratedRegex(@"^/?[A-Za-z_][A-Za-z_]*(?:[./][A-Za-z_]+|\[\d{1,3}\])*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPathPattern();
}
