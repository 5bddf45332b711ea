using SmartRetry.Payments.Cards;
using SmartRetry.Payments.Gateway;

namespace SmartRetry.Payments.Sales.Activities;

/// <summary>
/// The submit activity's input. The card stays sealed here (this record lives in workflow history); only the activity
/// unseals it. <paramref name="IdempotencyKey"/> is derived by the workflow, so activity retries repeat it.
/// </summary>
/// <param name="PaymentId">The sale's workflow instance id: SmartRetry's transaction id is correlated to it.</param>
public sealed record SubmitSaleRequest(
    string PaymentId,
    string IdempotencyKey,
    string MerchantTransactionId,
    decimal Amount,
    string Currency,
    SealedCard Card,
    PayerDetails Payer,
    string? Description,
    string? MerchantOrderId);
