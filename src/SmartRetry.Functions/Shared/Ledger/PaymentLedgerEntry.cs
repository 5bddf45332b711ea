using SmartRetry.Functions.Shared.Cards;

namespace SmartRetry.Functions.Shared.Ledger;

/// <summary>One payment (a sale, or one recurring charge) as the ledger keeps it. Holds no card data beyond <see cref="CardSummary"/>.</summary>
/// <param name="PaymentId">Our id: the orchestration instance id that runs the payment.</param>
/// <param name="ScheduledAt">When a future-dated payment is due; null for one that runs at once.</param>
/// <param name="OriginalPaymentId">For a refund: the payment it returns money from.</param>
public sealed record PaymentLedgerEntry(
    string PaymentId,
    string MerchantTransactionId,
    PaymentKind Kind,
    decimal Amount,
    string Currency,
    PaymentStatus Status,
    DateTimeOffset UpdatedAt,
    string? TransactionId = null,
    string? OrderId = null,
    string? ReasonCode = null,
    int? AttemptNumber = null,
    CardSummary? Card = null,
    string? Note = null,
    DateTimeOffset? ScheduledAt = null,
    string? OriginalPaymentId = null);

public enum PaymentKind
{
    Sale,
    RecurringInit,
    RecurringCharge,
    Refund,
}
