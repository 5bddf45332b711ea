using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Events;

namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>
/// A sale as the orchestration hands it to the submit activity, and the activity to the gateway. It holds no card (this
/// record lives in orchestration history): the activity opens the card in the vault under <paramref name="PaymentId"/> and
/// passes it to the gateway beside this record. <paramref name="IdempotencyKey"/> is derived by the orchestration, so
/// activity retries repeat it.
/// </summary>
/// <param name="PaymentId">The sale's orchestration instance id and its card's reference: SmartRetry's transaction id is correlated to it.</param>
public sealed record SaleSubmission(
    string PaymentId,
    string IdempotencyKey,
    string MerchantTransactionId,
    decimal Amount,
    string Currency,
    PayerDetails Payer,
    string? Description,
    string? MerchantOrderId)
{
    /// <summary>Only from instances started before the card vault, whose input still carries the sealed card.</summary>
    public SealedCard? Card { get; init; }
}

public sealed record PayerDetails(string FirstName, string LastName, string Email, string? PhoneNumber = null);

/// <summary>
/// A refund as the orchestration hands it to the submit activity, and the activity to the gateway (https://www.smartretry.com/docs/api-reference/payments/refund):
/// the original transaction and order it returns money from, and the exact amount our ledger reserved for it, so
/// SmartRetry refunds what we recorded. <paramref name="IdempotencyKey"/> is derived by the orchestration, so activity
/// retries repeat it.
/// </summary>
/// <param name="RefundPaymentId">The refund's orchestration instance id: SmartRetry's refund transaction id is correlated to it.</param>
/// <param name="RefundId">Our merchant transaction id for the refund; SmartRetry requires it to differ from the original's.</param>
/// <param name="Currency">The original's currency; SmartRetry refuses any other.</param>
public sealed record RefundSubmission(
    string RefundPaymentId,
    string IdempotencyKey,
    string OriginalTransactionId,
    string OriginalOrderId,
    string RefundId,
    decimal Amount,
    string Currency);

/// <summary>
/// What submitting a payment (a sale or a refund) gave: SmartRetry's answer, or why it refused the request itself.
/// <paramref name="Accepted"/> false with no <paramref name="Rejection"/> is a decline, not an error.
/// </summary>
/// <param name="Rejection">Set when the request was refused (4xx, or a card envelope that cannot be opened): no money moved.</param>
/// <param name="EarlyEvents">The transaction's webhooks that arrived before it was mapped to the instance; null when none did.</param>
/// <param name="Replayed">SmartRetry replayed a stored answer for this idempotency key (no second operation).</param>
public sealed record PaymentSubmissionResult(
    bool Accepted,
    string? TransactionId,
    string? OrderId,
    PaymentRejection? Rejection = null,
    IReadOnlyList<TransactionEvent>? EarlyEvents = null,
    bool Replayed = false)
{
    public static PaymentSubmissionResult Refused(PaymentRejection rejection) => new(Accepted: false, TransactionId: null, OrderId: null, rejection);
}

/// <param name="ReasonCode">SmartRetry's <c>reason_code</c>, or our own code when the request never left.</param>
/// <param name="HttpStatus">SmartRetry's HTTP status; null when the request was never sent.</param>
public sealed record PaymentRejection(string ReasonCode, int? HttpStatus);

/// <summary>A transaction's current state read from SmartRetry's status endpoint.</summary>
public sealed record TransactionSnapshot(
    string TransactionId,
    SmartRetryStatus Status,
    string? ReasonCode,
    string? Domain,
    int? AttemptNumber,
    CardSummary? Card);

/// <summary>SmartRetry's transaction status (https://www.smartretry.com/docs/concepts/transaction-statuses). Unrecognised values read as <see cref="Unknown"/>.</summary>
public enum SmartRetryStatus
{
    Processing,
    Approved,
    Declined,
    Error,
    Cancelled,
    Unknown,
}
