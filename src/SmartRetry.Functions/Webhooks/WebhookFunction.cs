using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Primitives;
using SmartRetry.Functions.Shared.Http;

namespace SmartRetry.Functions.Webhooks;

/// <summary>
/// SmartRetry's webhook deliveries. Anonymous at the Functions level: SmartRetry cannot send a function key, so every
/// delivery is authenticated by its HMAC signature, which <see cref="WebhookIntake"/> checks over the body bytes exactly
/// as received (they are read before anything parses them).
/// </summary>
public sealed class WebhookFunction(WebhookIntake intake)
{
    public const string Route = "webhooks/smartretry";
    public const string SignatureHeader = "X-SmartRetry-Signature";

    [Function("SmartRetryWebhook")]
    public async Task<IActionResult> Receive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RequestBody.ReadAsync(request, cancellationToken) is not { } rawBody)
        {
            return ApiResults.PayloadTooLarge("/api/" + Route);
        }

        string? signature = request.Headers.TryGetValue(SignatureHeader, out StringValues values) ? values.ToString() : null;
        return ApiResults.From(await intake.HandleAsync(durableClient, rawBody, signature, cancellationToken), request);
    }
}

/// <summary>The <c>200</c> body of a webhook delivery: what became of the event.</summary>
public sealed record WebhookReceipt(string EventId, WebhookOutcome Outcome);

public enum WebhookOutcome
{
    Raised,
    Pending,
    InstanceFinished,

    /// <summary>
    /// Its payment's orchestration had ended with the payment unresolved: the event is news the reconciler confirms with a
    /// status read and applies, promptly.
    /// </summary>
    Reconciling,
    Ignored,
    Unroutable,

    /// <summary>Seen before (or being processed by another delivery right now): nothing was done again.</summary>
    Duplicate,
}
