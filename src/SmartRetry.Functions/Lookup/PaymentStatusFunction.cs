using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Shared.Http;

namespace SmartRetry.Functions.Lookup;

/// <summary><c>GET /api/payments/{paymentId}</c> (function key): any payment's status — a sale, a refund, a series' charge.</summary>
public sealed class PaymentStatusFunction(PaymentStatusHandler status)
{
    [Function("GetPaymentHttp")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PaymentRoutes.Status)] HttpRequest request,
        string paymentId,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
        => ApiResults.From(await status.GetAsync(durableClient, paymentId, cancellationToken), request);
}
