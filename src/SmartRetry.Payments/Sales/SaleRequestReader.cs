using System.Text.Json;
using SmartRetry.Payments.Problems;
using SmartRetry.Payments.Serialization;

namespace SmartRetry.Payments.Sales;

/// <summary>Reads a sale request body; malformed JSON becomes a problem naming where it broke, never an exception.</summary>
public static class SaleRequestReader
{
    public static SaleRequest? Read(ReadOnlyMemory<byte> body, out PaymentsProblem? problem)
    {
        problem = null;
        if (body.IsEmpty)
        {
            problem = PaymentsProblem.Validation(new Dictionary<string, string[]> { [""] = ["A JSON body is required."] });
            return null;
        }

        try
        {
            SaleRequest? request = JsonSerializer.Deserialize<SaleRequest>(body.Span, PaymentsJson.Options);
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
                [pointer] = [pointer.Length == 0 ? "The body is not valid JSON." : "Unknown field, or a value of the wrong type or malformed JSON here."],
            });
            return null;
        }
    }
}
