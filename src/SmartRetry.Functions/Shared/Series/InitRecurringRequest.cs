using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>Create the series at SmartRetry; the card is opened from the vault (under <paramref name="SeriesId"/>) only inside the activity.</summary>
public sealed record InitRecurringRequest(
    string SeriesId,
    string IdempotencyKey,
    decimal Amount,
    string Currency,
    SeriesManagement ManagedBy,
    SeriesSchedule? Schedule,
    PayerDetails Payer)
{
    /// <summary>Only from series started before the card vault, whose state still carries the sealed card.</summary>
    public SealedCard? Card { get; init; }
}
