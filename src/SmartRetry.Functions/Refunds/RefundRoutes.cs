using SmartRetry.Functions.Shared.Http;

namespace SmartRetry.Functions.Refunds;

/// <summary>
/// The refund route (under the Functions <c>/api</c> prefix). A refund is a payment of its own: its status is read at
/// <c>GET /api/payments/{refundPaymentId}</c>, like a sale's.
/// </summary>
public static class RefundRoutes
{
    public const string Submit = "payments/{paymentId}/refund";

    public static string SubmitPath(string paymentId) => PaymentRoutes.StatusPath(paymentId) + "/refund";
}
