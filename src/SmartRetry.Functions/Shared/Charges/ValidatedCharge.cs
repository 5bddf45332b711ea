using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Shared.Charges;

/// <summary>A sale request that passed validation, with its card still in the clear (in memory only; sealed next).</summary>
public sealed record ValidatedCharge(
    string MerchantTransactionId,
    decimal Amount,
    string Currency,
    CardDetails Card,
    PayerDetails Payer,
    string? Description,
    string? MerchantOrderId,
    DateTimeOffset? ScheduledAt)
{
    public bool IsFutureDated => ScheduledAt is not null;
}
