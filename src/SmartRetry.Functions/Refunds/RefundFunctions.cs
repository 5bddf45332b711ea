using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Shared.Http;

namespace SmartRetry.Functions.Refunds;

/// <summary>The refund API (merchant endpoint, function key): the route hands the request to its request handler.</summary>
public sealed class RefundFunctions(RefundSubmissionHandler refunds)
{
    /// <summary>
    /// <c>{"refund_id": "...", "amount": 12.50, "reason": "..."}</c> (amount and reason optional): the refund runs as a
    /// payment of its own; the 202 links its status at <c>GET /api/payments/{refundPaymentId}</c>.
    /// </summary>
    [Function("RefundSaleHttp")]
    public async Task<IActionResult> Refund(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = RefundRoutes.Submit)] HttpRequest request,
        string paymentId,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
        => await RequestBody.ReadAsync(request, cancellationToken) is { } body
            ? ApiResults.From(await refunds.SubmitAsync(durableClient, paymentId, body, cancellationToken), request, accepted => accepted.Links.Status)
            : ApiResults.PayloadTooLarge(RefundRoutes.SubmitPath(paymentId));
}

/// <summary>
/// The refund route (under the Functions <c>/api</c> prefix). A refund is a payment of its own: its status is read at
/// <c>GET /api/payments/{refundPaymentId}</c>, like a sale's.
/// </summary>
public static class RefundRoutes
{
    public const string Submit = "payments/{paymentId}/refund";

    public static string SubmitPath(string paymentId) => PaymentRoutes.StatusPath(paymentId) + "/refund";
}
