using SmartRetry.Functions.Shared.Events;

namespace SmartRetry.Functions.Shared.Gateway;

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
