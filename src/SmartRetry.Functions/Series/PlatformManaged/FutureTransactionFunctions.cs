using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>
/// The future transactions of a series SmartRetry schedules (merchant endpoints, function key): list, update, charge
/// now, cancel. Each route hands the request to <see cref="FutureTransactionHandler"/>.
/// </summary>
public sealed class FutureTransactionFunctions(FutureTransactionHandler handler)
{
    public const string ListRoute = RecurringFunctions.SeriesRoute + "/future-transactions";
    public const string ItemRoute = ListRoute + "/{futureTransactionId}";

    [Function("ListFutureTransactionsHttp")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ListRoute)] HttpRequest request,
        string seriesId,
        CancellationToken cancellationToken)
        => ApiResults.From(await handler.ListAsync(seriesId, cancellationToken), request);

    /// <summary>Changes the amount and/or the date of one future transaction: <c>{"amount": 12.50, "scheduled_date": "2027-01-15"}</c>.</summary>
    [Function("UpdateFutureTransactionHttp")]
    public async Task<IActionResult> Update(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = ItemRoute)] HttpRequest request,
        string seriesId,
        string futureTransactionId,
        CancellationToken cancellationToken)
        => await RequestBody.ReadAsync(request, cancellationToken) is { } body
            ? ApiResults.From(await handler.UpdateAsync(seriesId, futureTransactionId, body, cancellationToken), request)
            : ApiResults.PayloadTooLarge(RecurringRoutes.FutureTransactionsPath(seriesId));

    [Function("ChargeFutureTransactionHttp")]
    public async Task<IActionResult> Charge(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ItemRoute + "/charge")] HttpRequest request,
        string seriesId,
        string futureTransactionId,
        CancellationToken cancellationToken)
        => ApiResults.From(await handler.ChargeNowAsync(seriesId, futureTransactionId, cancellationToken), request);

    [Function("CancelFutureTransactionHttp")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ItemRoute + "/cancel")] HttpRequest request,
        string seriesId,
        string futureTransactionId,
        CancellationToken cancellationToken)
        => ApiResults.From(await handler.CancelAsync(seriesId, futureTransactionId, cancellationToken), request);
}
