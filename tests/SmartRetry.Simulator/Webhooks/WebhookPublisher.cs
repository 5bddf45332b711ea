using System.Text.Json;
using Microsoft.Extensions.Logging;
using SmartRetry.Simulator.Control;
using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Http;
using SmartRetry.Simulator.Time;

namespace SmartRetry.Simulator.Webhooks;

/// <summary>
/// Publishes events and delivers them to the configured URL, signed per §6.4 with a fresh <c>t</c> per attempt,
/// redelivering on non-2xx or no answer on SmartRetry's schedule (§6.1) in simulated time.
/// </summary>
internal sealed partial class WebhookPublisher(
    SimulatorState state,
    SimulatorClock clock,
    WorkScheduler scheduler,
    SimulatorSettings settings,
    IHttpClientFactory httpClientFactory,
    ILogger<WebhookPublisher> logger)
{
    public const string HttpClientName = "SmartRetry.Simulator.Webhooks";

    /// <summary>Delay before attempts 2..7, each measured from the previous attempt.</summary>
    public static IReadOnlyList<TimeSpan> RedeliveryDelays { get; } =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(8), TimeSpan.FromHours(24),
    ];

    private readonly Lock gate = new();
    private readonly List<WebhookEvent> inOrder = [];
    private readonly Dictionary<string, WebhookEvent> byId = new(StringComparer.Ordinal);

    /// <summary>Every published event, in publication order.</summary>
    public IReadOnlyList<WebhookEvent> Events
    {
        get
        {
            lock (gate)
            {
                return [.. inOrder];
            }
        }
    }

    public WebhookEvent? Find(string id)
    {
        lock (gate)
        {
            return byId.GetValueOrDefault(id);
        }
    }

    public WebhookEvent Publish(string type, object data)
    {
        DateTimeOffset now = clock.UtcNow;
        string id = state.Ids.Event();
        var envelope = new WebhookEnvelope(id, type, Iso8601.Timestamp(now), "sandbox", JsonSerializer.SerializeToNode(data, data.GetType(), SimulatorJson.Options)!);
        var webhookEvent = new WebhookEvent(id, type, now, JsonSerializer.SerializeToUtf8Bytes(envelope, SimulatorJson.Options));
        lock (gate)
        {
            inOrder.Add(webhookEvent);
            byId[id] = webhookEvent;
        }

        ScheduleDelivery(webhookEvent, attempt: 1, duplicate: false, now);
        return webhookEvent;
    }

    /// <summary>Delivers an already published event once more, now, as SmartRetry sometimes does (§6.1 "duplicates happen").</summary>
    public void DeliverDuplicate(WebhookEvent webhookEvent) =>
        ScheduleDelivery(webhookEvent, attempt: webhookEvent.Deliveries.Count + 1, duplicate: true, clock.UtcNow);

    public void Clear()
    {
        lock (gate)
        {
            inOrder.Clear();
            byId.Clear();
        }
    }

    private void ScheduleDelivery(WebhookEvent webhookEvent, int attempt, bool duplicate, DateTimeOffset due) =>
        scheduler.Schedule(due, $"deliver {webhookEvent.Type} {webhookEvent.Id} (attempt {attempt})", ct => DeliverAsync(webhookEvent, attempt, duplicate, ct));

    private async Task DeliverAsync(WebhookEvent webhookEvent, int attempt, bool duplicate, CancellationToken cancellationToken)
    {
        if (Find(webhookEvent.Id) != webhookEvent)
        {
            return; // reset since it was scheduled
        }

        (Uri? url, string secret) = settings.Webhook;
        if (url is null)
        {
            return;
        }

        int? statusCode = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(webhookEvent.Body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.CreateHeader(secret, clock.BaseTime.GetUtcNow(), webhookEvent.Body));
            using HttpResponseMessage response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            statusCode = (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = exception.Message;
        }

        var delivery = new WebhookDelivery(attempt, duplicate, clock.UtcNow, url, statusCode, error);
        webhookEvent.Record(delivery);
        LogDelivery(webhookEvent.Type, webhookEvent.Id, attempt, statusCode);
        if (!delivery.Succeeded && !duplicate && attempt <= RedeliveryDelays.Count)
        {
            ScheduleDelivery(webhookEvent, attempt + 1, duplicate: false, clock.UtcNow + RedeliveryDelays[attempt - 1]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Type} {EventId} attempt {Attempt} answered {StatusCode}")]
    private partial void LogDelivery(string type, string eventId, int attempt, int? statusCode);
}
