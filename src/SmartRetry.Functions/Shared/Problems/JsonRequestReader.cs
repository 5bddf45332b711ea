using System.Text.Json;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Shared.Problems;

/// <summary>
/// Reads a JSON request body strictly (<see cref="PaymentsJson.RequestOptions"/>); malformed JSON, a field given twice, a
/// number sent as a string or an enum sent as a number becomes a problem naming where it broke, never an exception.
/// </summary>
public static class JsonRequestReader
{
    public static T? Read<T>(ReadOnlyMemory<byte> body, out PaymentsProblem? problem)
        where T : class
    {
        problem = null;
        if (body.IsEmpty)
        {
            problem = PaymentsProblem.Validation(new Dictionary<string, string[]> { [""] = ["A JSON body is required."] });
            return null;
        }

        try
        {
            T? request = JsonSerializer.Deserialize<T>(body.Span, PaymentsJson.RequestOptions);
            if (request is null)
            {
                problem = PaymentsProblem.Validation(new Dictionary<string, string[]> { [""] = ["The body must be a JSON object."] });
            }

            return request;
        }
        catch (JsonException exception)
        {
            // The exception's own message is not echoed: it is written for developers and may change between runtimes.
            string pointer = JsonPointer.FromPath(exception.Path);
            problem = PaymentsProblem.Validation(new Dictionary<string, string[]>
            {
                [pointer] = [pointer.Length == 0 ? "The body is not valid JSON." : "Unknown or repeated field, or a value of the wrong type or malformed JSON here."],
            });
            return null;
        }
    }
}
