using SmartRetry.Payments.Cards;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Workflows.Tracking;

namespace SmartRetry.Payments.Sales;

/// <summary>
/// What the sale request handler schedules <see cref="SaleWorkflow"/> with (its Durable name is the class name).
/// The card is sealed; the tracking policy travels in the input so the workflow never reads configuration.
/// </summary>
/// <param name="PaymentId">The workflow instance id, derived from the merchant transaction id.</param>
/// <param name="ScheduledAt">A future-dated sale waits on a durable timer until then and can be cancelled meanwhile.</param>
public sealed record SaleWorkflowInput(
    string PaymentId,
    string MerchantTransactionId,
    decimal Amount,
    string Currency,
    SealedCard Card,
    PayerDetails Payer,
    TrackingPolicy Tracking,
    string? Description = null,
    string? MerchantOrderId = null,
    DateTimeOffset? ScheduledAt = null);
