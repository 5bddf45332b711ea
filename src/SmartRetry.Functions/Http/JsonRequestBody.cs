using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SmartRetry.Payments.Serialization;

namespace SmartRetry.Functions.Http;

/// <summary>
/// Reads a request body in the Payments JSON shape. Malformed JSON, a value of the wrong type or a missing body is a
/// <c>400</c> naming the field, never an exception (and never echoes the value, which may be card data).
/// </summary>
public static class JsonRequestBody
{
    private const string BodyField = "body";

    public static async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            T? value = await JsonSerializer.DeserializeAsync<T>(request.Body, PaymentsJson.Options, cancellationToken);
            return value is null
                ? new JsonBody<T>(ApiResults.BadRequest(BodyField, "A JSON object is required."))
                : new JsonBody<T>(value);
        }
        catch (JsonException exception)
        {
            string field = FieldName(exception.Path);
            return new JsonBody<T>(ApiResults.BadRequest(
                field, field == BodyField ? "The body is not a valid JSON object." : "The value is missing, malformed or of the wrong type."));
        }
    }

    // System.Text.Json reports where reading failed as a JSON path ("$.card.number"); callers know fields by name.
    private static string FieldName(string? path) =>
        path is null || path == "$" ? BodyField : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
