using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Processing;
using SmartRetry.Simulator.Http;
using SmartRetry.Simulator.Pipeline;
using SmartRetry.Simulator.Time;
using SmartRetry.Simulator.Webhooks;

namespace SmartRetry.Simulator.Control;

/// <summary>The test-only control API under <c>/_simulator</c> (no API key).</summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_simulator";

    public static void MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder control = app.MapGroup(Prefix);
        control.MapPost("/reset", (IServiceProvider services) =>
        {
            Reset(services);
            return Results.NoContent();
        });
        control.MapGet("/counters", (CallCounters counters) =>
            Json(new JsonObject
            {
                ["endpoints"] = JsonSerializer.SerializeToNode(counters.Endpoints),
                ["idempotency_keys"] = JsonSerializer.SerializeToNode(counters.IdempotencyKeys),
                ["delayed_now"] = counters.Delayed,
            }));
        control.MapGet("/transactions", (SimulatorState state) =>
        {
            lock (state.Sync)
            {
                return Json(new JsonArray([.. state.Transactions.Values.OrderBy(t => t.CreatedAt).Select(Describe)]));
            }
        });
        control.MapPost("/transactions/{transaction_id}/resolve", async (string transaction_id, HttpContext context, SimulatorState state, PaymentProcessor processor) =>
        {
            JsonObjectReader body = await JsonObjectReader.ReadBodyAsync(context.Request);
            string outcome = body.OneOf("outcome", ["approved", "declined"], required: true)!;
            bool notify = body.Boolean("notify") ?? true;
            lock (state.Sync)
            {
                if (!state.Transactions.TryGetValue(transaction_id, out Transaction? transaction))
                {
                    return Results.NotFound();
                }

                return processor.Resolve(transaction, outcome == "approved", notify) ? Json(Describe(transaction)) : Results.Conflict();
            }
        });
        control.MapGet("/webhooks", (WebhookPublisher webhooks) => Json(new JsonArray([.. webhooks.Events.Select(Describe)])));
        control.MapPost("/webhooks/{event_id}/duplicate", (string event_id, WebhookPublisher webhooks) =>
        {
            if (webhooks.Find(event_id) is not WebhookEvent webhookEvent)
            {
                return Results.NotFound();
            }

            webhooks.DeliverDuplicate(webhookEvent);
            return Results.Accepted();
        });
        control.MapPut("/webhook", async (HttpContext context, SimulatorSettings settings) =>
        {
            JsonObjectReader body = await JsonObjectReader.ReadBodyAsync(context.Request);
            string? url = body.String("url");
            Uri? target = null;
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)))
            {
                throw ApiProblemException.Invalid("url", "url must be an absolute http(s) URL");
            }

            settings.SetWebhook(target, body.String("secret"));
            return Results.NoContent();
        });
        control.MapGet("/faults", (SimulatorSettings settings) => Results.Json(settings.Faults, SimulatorJson.Options));
        control.MapPut("/faults", async (HttpContext context, SimulatorSettings settings) =>
        {
            SimulatorFaults faults;
            try
            {
                faults = await context.Request.ReadFromJsonAsync<SimulatorFaults>(SimulatorJson.Options) ?? new();
            }
            catch (JsonException)
            {
                throw ApiProblemException.Invalid("body", "the faults are not valid JSON");
            }

            var errors = new List<ValidationResult>();
            if (!Validator.TryValidateObject(faults, new ValidationContext(faults), errors, validateAllProperties: true))
            {
                throw ApiProblemException.Invalid(errors[0].MemberNames.FirstOrDefault() ?? "body", errors[0].ErrorMessage ?? "invalid faults");
            }

            settings.SetFaults(faults);
            return Results.NoContent();
        });
        control.MapGet("/clock", (SimulatorClock clock, WorkScheduler scheduler) => Clock(clock, scheduler, ran: 0));
        control.MapPut("/clock", async (HttpContext context, SimulatorClock clock, WorkScheduler scheduler) =>
        {
            JsonObjectReader body = await JsonObjectReader.ReadBodyAsync(context.Request);
            int factor = body.Integer("time_factor", 1, 100_000_000) ?? throw ApiProblemException.Missing("time_factor");
            clock.SetTimeFactor(factor);
            return Clock(clock, scheduler, ran: 0);
        });
        control.MapPost("/clock/run-due", async (SimulatorClock clock, WorkScheduler scheduler, CancellationToken cancellationToken) =>
            Clock(clock, scheduler, await scheduler.RunDueAsync(until: null, cancellationToken)));
        control.MapPost("/clock/advance", async (HttpContext context, SimulatorClock clock, WorkScheduler scheduler) =>
        {
            JsonObjectReader body = await JsonObjectReader.ReadBodyAsync(context.Request);
            int seconds = body.Integer("seconds", 0, int.MaxValue) ?? 0;
            int days = body.Integer("days", 0, 100_000) ?? 0;
            if (seconds == 0 && days == 0)
            {
                throw ApiProblemException.Missing("seconds");
            }

            DateTimeOffset target = clock.UtcNow + TimeSpan.FromSeconds(seconds) + TimeSpan.FromDays(days);
            return Clock(clock, scheduler, await scheduler.RunDueAsync(target, context.RequestAborted));
        });
    }

    public static void Reset(IServiceProvider services)
    {
        services.GetRequiredService<WorkScheduler>().Clear();
        services.GetRequiredService<SimulatorState>().Clear();
        services.GetRequiredService<WebhookPublisher>().Clear();
        services.GetRequiredService<CallCounters>().Clear();
        services.GetRequiredService<IdempotencyStore>().Clear();
        services.GetRequiredService<SimulatorSettings>().Reset();
    }

    private static IResult Clock(SimulatorClock clock, WorkScheduler scheduler, int ran) =>
        Json(new JsonObject
        {
            ["now"] = Iso8601.Timestamp(clock.UtcNow),
            ["time_factor"] = clock.TimeFactor,
            ["ran"] = ran,
            ["pending_work"] = scheduler.Pending,
            ["next_due"] = scheduler.NextDue is { } next ? Iso8601.Timestamp(next) : null,
        });

    private static JsonObject Describe(WebhookEvent webhookEvent) => new()
    {
        ["id"] = webhookEvent.Id,
        ["type"] = webhookEvent.Type,
        ["created_at"] = Iso8601.Timestamp(webhookEvent.CreatedAt),
        ["acknowledged"] = webhookEvent.Acknowledged,
        ["payload"] = JsonNode.Parse(webhookEvent.Body),
        ["deliveries"] = new JsonArray([.. webhookEvent.Deliveries.Select(delivery => (JsonNode)new JsonObject
        {
            ["attempt"] = delivery.Attempt,
            ["duplicate"] = delivery.Duplicate,
            ["at"] = Iso8601.Timestamp(delivery.At),
            ["url"] = delivery.Url.ToString(),
            ["status_code"] = delivery.StatusCode,
            ["error"] = delivery.Error,
        })]),
    };

    // What a test needs to count charges per merchant id; never the card.
    private static JsonObject Describe(Transaction transaction) => new()
    {
        ["transaction_id"] = transaction.TransactionId,
        ["type"] = transaction.Type,
        ["merchant_transaction_id"] = transaction.MerchantTransactionId,
        ["amount"] = transaction.Amount,
        ["currency"] = transaction.Currency,
        ["status"] = transaction.Status.Status,
        ["reference_transaction_id"] = transaction.ReferenceTransactionId,
        ["recurring_id"] = transaction.RecurringId,
        ["created_at"] = Iso8601.Timestamp(transaction.CreatedAt),
    };

    private static IResult Json(JsonNode node) => Results.Content(node.ToJsonString(), "application/json");
}
