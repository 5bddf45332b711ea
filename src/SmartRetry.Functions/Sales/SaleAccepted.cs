using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Sales;

/// <summary>The <c>202 Accepted</c> body of a sale request.</summary>
/// <param name="Replayed">True when this repeats an earlier identical request: nothing new was scheduled.</param>
/// <param name="CvvKept">
/// True when the CVV goes with the authorization: it is held, sealed, in the card vault until SmartRetry answers that
/// authorization and is deleted then. False when none was sent, or when the sale is future-dated: then the CVV is
/// dropped at once and never stored (see <see cref="Note"/>).
/// </param>
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
