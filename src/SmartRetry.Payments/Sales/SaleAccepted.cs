using SmartRetry.Payments.Ledger;

namespace SmartRetry.Payments.Sales;

/// <summary>The <c>202 Accepted</c> body of a sale request.</summary>
/// <param name="Replayed">True when this repeats an earlier identical request: nothing new was scheduled.</param>
/// <param name="CvvKept">False when the CVV was dropped because the charge is future-dated.</param>
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
