using SmartRetry.Payments.Cards;

namespace SmartRetry.Payments.Gateway;

/// <summary>
/// A sale as the workflow hands it to the submit activity, and the activity to the gateway. The card stays sealed here
/// (this record lives in workflow history); the activity unseals it and passes it to the gateway beside this record.
/// <paramref name="IdempotencyKey"/> is derived by the workflow, so activity retries repeat it.
/// </summary>
/// <param name="PaymentId">The sale's workflow instance id: SmartRetry's transaction id is correlated to it.</param>
public sealed record SaleSubmission(
    string PaymentId,
    string IdempotencyKey,
    string MerchantTransactionId,
    decimal Amount,
    string Currency,
    SealedCard Card,
    PayerDetails Payer,
    string? Description,
    string? MerchantOrderId);

public sealed record PayerDetails(string FirstName, string LastName, string Email, string? PhoneNumber = null);
