using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Problems;

namespace SmartRetry.Functions.Sales;

/// <summary>The sale API (merchant endpoints, function key): submit and cancel; each route hands the request to its request handler.</summary>
public sealed class SaleFunctions(
    SaleSubmissionHandler submission,
    SaleCancellationHandler cancellation)
{
    [Function("SubmitSaleHttp")]
    public async Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = SaleRoutes.Submit)] HttpRequest request,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
        => await RequestBody.ReadAsync(request, cancellationToken) is { } body
            ? ApiResults.From(await submission.SubmitAsync(durableClient, body, cancellationToken), request, accepted => accepted.Links.Status)
            : ApiResults.PayloadTooLarge("/api/" + SaleRoutes.Submit);

    /// <summary>The body is optional: <c>{"reason": "..."}</c>.</summary>
    [Function("CancelSaleHttp")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = SaleRoutes.Cancel)] HttpRequest request,
        string paymentId,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadAsync(request, cancellationToken) is not { } body)
        {
            return ApiResults.PayloadTooLarge(SaleRoutes.CancelPath(paymentId));
        }

        SaleCancelRequest? cancel = null;
        if (!body.IsEmpty && (cancel = JsonRequestReader.Read<SaleCancelRequest>(body, out PaymentsProblem? problem)) is null)
        {
            return ApiResults.Problem(problem! with { Instance = SaleRoutes.CancelPath(paymentId) });
        }

        return ApiResults.From(
            await cancellation.CancelAsync(durableClient, paymentId, cancel?.Reason, cancellationToken),
            request,
            cancelled => cancelled.Links.Status);
    }
}

/// <summary>The HTTP routes of the sale API (under the Functions <c>/api</c> prefix); a sale's status is <see cref="PaymentRoutes.Status"/>.</summary>
public static class SaleRoutes
{
    public const string Submit = "payments/sale";
    public const string Cancel = "payments/{paymentId}/cancel";

    public static string CancelPath(string paymentId) => PaymentRoutes.StatusPath(paymentId) + "/cancel";
}
