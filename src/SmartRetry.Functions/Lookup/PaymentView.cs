using System.Text.Json;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Lookup;

/// <summary>The <c>GET /api/payments/{paymentId}</c> body: the ledger's view of the payment and its orchestration's state.</summary>
/// <param name="Status">The ledger status; null only while the payment is being scheduled.</param>
/// <param name="Kind">Sale or refund (null only while being scheduled).</param>
/// <param name="OriginalPaymentId">For a refund: the payment it returns money from.</param>
/// <param name="RefundsReserved">For an approved sale: what its refunds have taken, approved, in flight or unresolved (0 when none).</param>
/// <param name="Note">Why the payment stands as it does, when its status alone does not say (e.g. what the reconciler settled it from).</param>
/// <param name="Reconciliation">For a payment that is not final: what the reconciler has done about it so far; null until it first acted.</param>
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
    decimal? RefundsReserved = null,
    string? Note = null,
    PaymentReconciliation? Reconciliation = null);

/// <summary>The reconciler's work on a payment that is not final (docs/operations.md, "The reconciler").</summary>
/// <param name="Attempts">Its attempts to settle the payment so far.</param>
/// <param name="NextCheckAt">When it looks again; null once it has left the payment to a person.</param>
/// <param name="LastOutcome">What its last look found or did.</param>
/// <param name="LeftToPerson">Its attempts are used up: a person settles the payment.</param>
public sealed record PaymentReconciliation(int Attempts, DateTimeOffset? LastCheckedAt, DateTimeOffset? NextCheckAt, string? LastOutcome, bool LeftToPerson);

/// <summary>What may be shown of the card: never SmartRetry's token.</summary>
public sealed record PaymentCardDisplay(string? LastFour, string? Brand);

public sealed record PaymentWorkflowState(
    OrchestrationRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    JsonElement? CustomStatus,
    string? FailureMessage);
