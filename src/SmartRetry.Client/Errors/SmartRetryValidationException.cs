using System.Text.Json;

namespace SmartRetry.Client.Errors;

/// <summary>400 or 422: SmartRetry rejected the request, or the client refused to send it (then <see cref="SmartRetryException.StatusCode"/> is null). Not retried.</summary>
public class SmartRetryValidationException : SmartRetryException
{
    public SmartRetryValidationException()
    {
    }

    public SmartRetryValidationException(string message)
        : base(message)
    {
    }

    public SmartRetryValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SmartRetryValidationException(string message, int? statusCode, SmartRetryProblem? problem, Exception? innerException = null)
        : base(message, statusCode, problem, innerException)
    {
    }

    /// <summary>The offending field as a JSON path (e.g. <c>order.payment_instrument.card_number</c>), when known.</summary>
    public string? Field => Context.TryGetValue("field", out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
