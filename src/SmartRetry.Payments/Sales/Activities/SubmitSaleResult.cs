using SmartRetry.Payments.Workflows.Events;

namespace SmartRetry.Payments.Sales.Activities;

/// <summary>What submitting a sale gave: SmartRetry's answer, or why it refused the request itself.</summary>
/// <param name="Rejection">Set when the request was refused (4xx, or a card envelope that cannot be opened): nothing was charged.</param>
/// <param name="EarlyEvents">The transaction's webhooks that arrived before it was mapped to the instance; null when none did.</param>
public sealed record SubmitSaleResult(
    bool Accepted, string? TransactionId, string? OrderId, SaleRejection? Rejection = null, IReadOnlyList<TransactionEvent>? EarlyEvents = null);

/// <param name="ReasonCode">SmartRetry's <c>reason_code</c>, or our own code when the request never left.</param>
/// <param name="HttpStatus">SmartRetry's HTTP status; null when the request was never sent.</param>
public sealed record SaleRejection(string ReasonCode, int? HttpStatus);
