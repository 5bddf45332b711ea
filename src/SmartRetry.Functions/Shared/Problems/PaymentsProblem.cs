using System.Text.Json.Serialization;

namespace SmartRetry.Functions.Shared.Problems;

/// <summary>
/// An RFC 9457 problem details body (<c>application/problem+json</c>), serialized with <c>PaymentsJson.Options</c>.
/// <see cref="Errors"/> names each offending request field by JSON pointer (e.g. <c>/card/number</c>) and never
/// repeats the value that was sent.
/// </summary>
public sealed record PaymentsProblem(
    string Type,
    string Title,
    int Status,
    string? Detail = null,
    string? Instance = null,
    [property: JsonConverter(typeof(ProblemErrorsJsonConverter))] IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public const string ContentType = "application/problem+json";

    public static PaymentsProblem Validation(IReadOnlyDictionary<string, string[]> errors, string? instance = null) => new(
        ProblemTypes.InvalidRequest,
        "The request is invalid.",
        400,
        "See errors: each names a field by JSON pointer.",
        instance,
        errors);

    public static PaymentsProblem NotFound(string detail, string? instance = null) =>
        new(ProblemTypes.NotFound, "Not found.", 404, detail, instance);

    public static PaymentsProblem Conflict(string type, string title, string detail, string? instance = null) =>
        new(type, title, 409, detail, instance);
}

/// <summary>The <c>type</c> URIs of our problem details (relative references, as RFC 9457 allows).</summary>
public static class ProblemTypes
{
    public const string InvalidRequest = "/problems/invalid-request";
    public const string NotFound = "/problems/not-found";
    public const string IdempotencyConflict = "/problems/idempotency-conflict";
    public const string RequestInProgress = "/problems/request-in-progress";
    public const string NotCancellable = "/problems/not-cancellable";
    public const string NotRefundable = "/problems/not-refundable";
    public const string InvalidSignature = "/problems/invalid-signature";
    public const string TemporarilyUnavailable = "/problems/temporarily-unavailable";
}
