using System.Net;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace SmartRetry.LoadFloor;

/// <summary>
/// What a sale costs the engine with nothing of ours in it: the same HTTP start, the same two activity calls, the same
/// external event (raised as the submit ends, as SmartRetry's webhook follows its answer) raced with a poll timer, and a
/// status read over HTTP; and a webhook that stores one row.
/// </summary>
public sealed class FloorFunctions(TableClient webhooks)
{
    private const string EventName = "SmartRetryTransaction";

    [Function("Health")]
    public static IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) => new OkResult();

    [Function("StartFloorSale")]
    public static async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "floor/sales")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        string instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(FloorSale), "sale", request.HttpContext.RequestAborted);
        return new AcceptedResult($"/api/floor/sales/{instanceId}", new { payment_id = instanceId });
    }

    [Function("GetFloorSale")]
    public static async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "floor/sales/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client)
    {
        OrchestrationMetadata? instance = await client.GetInstanceAsync(id, request.HttpContext.RequestAborted);
        return instance is null
            ? new NotFoundResult()
            : instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                ? new OkObjectResult(new { status = "approved", finished_at = instance.LastUpdatedAt })
                : new OkObjectResult(new { status = "processing" });
    }

    [Function(nameof(FloorSale))]
    public static async Task<string> FloorSale([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        await context.CallActivityAsync<string>(nameof(FloorSubmit), context.InstanceId);
        using var pollCancellation = new CancellationTokenSource();
        Task<string> outcome = context.WaitForExternalEvent<string>(EventName);
        Task poll = context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(30), pollCancellation.Token);
        if (await Task.WhenAny(outcome, poll) == outcome)
        {
            pollCancellation.Cancel();
        }

        return await context.CallActivityAsync<string>(nameof(FloorRecord), "approved");
    }

    /// <summary>SmartRetry answering at once and sending its webhook straight away: the event is raised as the activity ends.</summary>
    [Function(nameof(FloorSubmit))]
    public static async Task<string> FloorSubmit([ActivityTrigger] string instanceId, [DurableClient] DurableTaskClient client)
    {
        await client.RaiseEventAsync(instanceId, EventName, "approved");
        return instanceId;
    }

    [Function(nameof(FloorRecord))]
    public static string FloorRecord([ActivityTrigger] string status) => status;

    [Function("FloorWebhook")]
    public async Task<IActionResult> WebhookAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "floor/webhooks")] HttpRequest request)
    {
        using var body = new StreamReader(request.Body);
        string text = await body.ReadToEndAsync(request.HttpContext.RequestAborted);
        await webhooks.AddEntityAsync(new TableEntity("floor", Guid.NewGuid().ToString("N")) { ["Body"] = text }, request.HttpContext.RequestAborted);
        return new StatusCodeResult((int)HttpStatusCode.OK);
    }
}
