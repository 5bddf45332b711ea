namespace SmartRetry.Payments.Sales;

/// <summary>The HTTP routes of the sale API (under the Functions <c>/api</c> prefix); responses link to them.</summary>
public static class SaleRoutes
{
    public const string Submit = "payments/sale";
    public const string Status = "payments/{paymentId}";
    public const string Cancel = "payments/{paymentId}/cancel";

    public static string StatusPath(string paymentId) => "/api/payments/" + Uri.EscapeDataString(paymentId);

    public static string CancelPath(string paymentId) => StatusPath(paymentId) + "/cancel";
}
