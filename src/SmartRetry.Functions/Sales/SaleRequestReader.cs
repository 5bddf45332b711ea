using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Problems;

namespace SmartRetry.Functions.Sales;

/// <summary>Reads a sale request body; malformed JSON becomes a problem naming where it broke, never an exception.</summary>
public static class SaleRequestReader
{
    public static ChargeRequest? Read(ReadOnlyMemory<byte> body, out PaymentsProblem? problem) => JsonRequestReader.Read<ChargeRequest>(body, out problem);
}
