namespace SmartRetry.Functions.Shared.Http;

/// <summary>
/// The route every payment's status is read at (under the Functions <c>/api</c> prefix): sales, refunds and a series'
/// charges alike; responses link to it.
/// </summary>
public static class PaymentRoutes
{
    public const string Status = "payments/{paymentId}";

    public static string StatusPath(string paymentId) => "/api/payments/" + Uri.EscapeDataString(paymentId);
}
