using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series;

/// <summary>The recurring-series API (merchant endpoints, function key): each route hands the request to <see cref="RecurringRequestHandler"/>.</summary>
public sealed class RecurringFunctions(RecurringRequestHandler handler)
{
    public const string CreateRoute = "recurring";
    public const string SeriesRoute = "recurring/{seriesId}";

    [Function("CreateRecurringHttp")]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = CreateRoute)] HttpRequest request,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
        => await RequestBody.ReadAsync(request, cancellationToken) is { } body
            ? Answer(await handler.CreateAsync(durableClient, body, cancellationToken), request)
            : ApiResults.PayloadTooLarge(RecurringRoutes.Create);

    [Function("GetRecurringHttp")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = SeriesRoute)] HttpRequest request,
        string seriesId,
        CancellationToken cancellationToken)
        => Answer(await handler.GetAsync(seriesId, cancellationToken), request);

    [Function("PauseRecurringHttp")]
    public async Task<IActionResult> Pause(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = SeriesRoute + "/pause")] HttpRequest request,
        string seriesId,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
        => Answer(await handler.PauseAsync(durableClient, seriesId, cancellationToken), request);

    [Function("ResumeRecurringHttp")]
    public async Task<IActionResult> Resume(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = SeriesRoute + "/resume")] HttpRequest request,
        string seriesId,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
        => Answer(await handler.ResumeAsync(durableClient, seriesId, cancellationToken), request);

    [Function("CancelRecurringHttp")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = SeriesRoute + "/cancel")] HttpRequest request,
        string seriesId,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
        => Answer(await handler.CancelAsync(durableClient, seriesId, cancellationToken), request);

    /// <summary>Changes the amount from the next charge on: <c>{"amount": 12.50}</c>.</summary>
    [Function("UpdateRecurringHttp")]
    public async Task<IActionResult> Update(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = SeriesRoute)] HttpRequest request,
        string seriesId,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
        => await RequestBody.ReadAsync(request, cancellationToken) is { } body
            ? Answer(await handler.UpdateAmountAsync(durableClient, seriesId, body, cancellationToken), request)
            : ApiResults.PayloadTooLarge(RecurringRoutes.SeriesPath(seriesId));

    private static IActionResult Answer(HandlerResult<RecurringSeriesView> result, HttpRequest request) =>
        ApiResults.From(result, request, series => series.Self);
}
