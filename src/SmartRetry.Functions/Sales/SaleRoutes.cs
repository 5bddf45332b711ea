using SmartRetry.Functions.Shared.Http;

namespace SmartRetry.Functions.Sales;

/// <summary>The HTTP routes of the sale API (under the Functions <c>/api</c> prefix); a sale's status is <see cref="PaymentRoutes.Status"/>.</summary>
public static class SaleRoutes
{
    public const string Submit = "payments/sale";
    public const string Cancel = "payments/{paymentId}/cancel";

    public static string CancelPath(string paymentId) => PaymentRoutes.StatusPath(paymentId) + "/cancel";
}
