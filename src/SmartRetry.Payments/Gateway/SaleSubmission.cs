using SmartRetry.Payments.Cards;

namespace SmartRetry.Payments.Gateway;

/// <summary>
/// A sale as the submit activity hands it to SmartRetry. It holds the unsealed card, so it lives only inside that
/// activity and is never serialized; <see cref="CardDetails.ToString"/> keeps it out of logs.
/// </summary>
public sealed record SaleSubmission(
    string IdempotencyKey,
    string MerchantTransactionId,
    decimal Amount,
    string Currency,
    CardDetails Card,
    PayerDetails Payer,
    string? Description = null,
    string? MerchantOrderId = null);

public sealed record PayerDetails(string FirstName, string LastName, string Email, string? PhoneNumber = null);
