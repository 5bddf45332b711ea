namespace SmartRetry.Simulator.Http;

/// <summary>An API error answered as SmartRetry's problem body (§4.1); thrown by request handling, written by the pipeline.</summary>
internal sealed class ApiProblemException(int status, string reasonCode, string detail, string? field = null) : Exception(detail)
{
    public int Status { get; } = status;

    public string ReasonCode { get; } = reasonCode;

    public string? Field { get; } = field;

    public static ApiProblemException Missing(string field) =>
        new(StatusCodes.Status400BadRequest, "MISSING_REQUIRED_FIELD", $"{field} is required", field);

    public static ApiProblemException Invalid(string field, string detail, string reasonCode = "VALIDATION_INVALID_FIELD") =>
        new(StatusCodes.Status400BadRequest, reasonCode, detail, field);

    public static ApiProblemException NotFound(string reasonCode, string detail) =>
        new(StatusCodes.Status404NotFound, reasonCode, detail);

    public static ApiProblemException Conflict(string reasonCode, string detail) =>
        new(StatusCodes.Status409Conflict, reasonCode, detail);
}
