using System.Text.Json.Serialization;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Sales;

/// <summary>
/// What the sale request handler schedules <see cref="SaleWorkflow"/> with (its Durable name is the class name). It
/// carries no card: the card is in the card vault under <see cref="PaymentId"/>, which the submit activity opens. The
/// tracking policy travels in the input so the orchestration never reads configuration.
/// </summary>
/// <param name="PaymentId">The orchestration instance id, derived from the merchant transaction id; also the card's reference in the vault.</param>
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

/// <summary>The <c>202 Accepted</c> body of a sale request.</summary>
/// <param name="Replayed">True when this repeats an earlier identical request: nothing new was scheduled.</param>
/// <param name="CvvKept">
/// True when the CVV goes with the authorization: it is held, sealed, in the card vault until SmartRetry answers that
/// authorization and is deleted then. False when none was sent, or when the sale is future-dated: then the CVV is
/// dropped at once and never stored (see <see cref="Note"/>).
/// </param>
public sealed record SaleAccepted(
    string PaymentId,
    string MerchantTransactionId,
    PaymentStatus Status,
    DateTimeOffset? ScheduledAt,
    bool Replayed,
    bool CvvKept,
    SaleLinks Links,
    string? Note = null);

/// <param name="Cancel">Only for a future-dated sale, which can be cancelled until it fires.</param>
public sealed record SaleLinks(string Status, string? Cancel);

/// <summary>The optional body of <c>POST /api/payments/{paymentId}/cancel</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SaleCancelRequest
{
    public string? Reason { get; init; }
}

/// <summary>The <c>202 Accepted</c> body of a cancel request: the orchestration was asked to cancel; the status link shows the outcome.</summary>
public sealed record SaleCancellation(string PaymentId, DateTimeOffset ScheduledAt, DateTimeOffset RequestedAt, SaleLinks Links);

/// <summary>
/// The sale orchestration's custom status, for operators and the status API. It shows SmartRetry's own retries as they
/// happen (from <c>transaction.retry_scheduled</c> / <c>transaction.retry_attempted</c> webhooks and status polls).
/// </summary>
/// <param name="AttemptNumber">SmartRetry's latest attempt number; above 1 means SmartRetry has retried.</param>
public sealed record SaleProgress(
    PaymentStatus Status,
    string? TransactionId = null,
    DateTimeOffset? ScheduledAt = null,
    DateTimeOffset? Deadline = null,
    int RetriesScheduled = 0,
    int RetriesAttempted = 0,
    int? AttemptNumber = null);

/// <summary>How a sale ended: the orchestration's output, and what the ledger holds for it.</summary>
/// <param name="Note">Why the sale ended this way when the status alone does not say (refusal, outage, deadline, cancellation).</param>
public sealed record SaleOutcome(
    string PaymentId,
    PaymentStatus Status,
    string? TransactionId = null,
    string? ReasonCode = null,
    int? AttemptNumber = null,
    string? Note = null);
