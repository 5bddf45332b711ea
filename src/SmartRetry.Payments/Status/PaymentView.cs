using System.Text.Json;
using SmartRetry.Payments.Ledger;
using SmartRetry.Payments.Workflows;

namespace SmartRetry.Payments.Status;

/// <summary>The <c>GET /api/payments/{paymentId}</c> body: the ledger's view of the payment and its workflow's state.</summary>
/// <param name="Status">The ledger status; null only while the payment is being scheduled.</param>
/// <param name="Kind">Sale or refund (null only while being scheduled).</param>
/// <param name="OriginalPaymentId">For a refund: the payment it returns money from.</param>
/// <param name="RefundsReserved">For an approved sale: what its refunds have taken, approved, in flight or unresolved (0 when none).</param>
public sealed record PaymentView(
    string PaymentId,
    string? MerchantTransactionId,
    decimal? Amount,
    string? Currency,
    PaymentStatus? Status,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? UpdatedAt,
    string? TransactionId,
    string? ReasonCode,
    int? AttemptNumber,
    PaymentCardDisplay? Card,
    PaymentWorkflowState? Workflow,
    PaymentKind? Kind = null,
    string? OriginalPaymentId = null,
    decimal? RefundsReserved = null);

/// <summary>What may be shown of the card: never SmartRetry's token.</summary>
public sealed record PaymentCardDisplay(string? LastFour, string? Brand);

public sealed record PaymentWorkflowState(
    WorkflowRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    JsonElement? CustomStatus,
    string? FailureMessage);
