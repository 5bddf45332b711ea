using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Sales;

/// <summary>
/// What the sale request handler schedules <see cref="SaleWorkflow"/> with (its Durable name is the class name). It
/// carries no card: the card is in the card vault under <see cref="PaymentId"/>, which the submit step opens. The
/// tracking policy travels in the input so the workflow never reads configuration.
/// </summary>
/// <param name="PaymentId">The workflow instance id, derived from the merchant transaction id; also the card's reference in the vault.</param>
/// <param name="ScheduledAt">A future-dated sale waits on a durable timer until then and can be cancelled meanwhile.</param>
public sealed record SaleInput(
    string PaymentId,
    string MerchantTransactionId,
    decimal Amount,
    string Currency,
    PayerDetails Payer,
    TrackingPolicy Tracking,
    string? Description = null,
    string? MerchantOrderId = null,
    DateTimeOffset? ScheduledAt = null)
{
    /// <summary>
    /// Only in instances started before the card vault: the sealed card their input (and so their history) holds
    /// until they are purged. New instances never set it (docs/deploy.md, "Instances that still carry a card").
    /// </summary>
    public SealedCard? Card { get; init; }
}
