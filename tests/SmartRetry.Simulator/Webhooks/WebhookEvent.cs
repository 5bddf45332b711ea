namespace SmartRetry.Simulator.Webhooks;

/// <summary>A published event: its body is serialized once so every (re)delivery carries identical bytes.</summary>
internal sealed class WebhookEvent(string id, string type, DateTimeOffset createdAt, byte[] body)
{
    private readonly List<WebhookDelivery> deliveries = [];

    public string Id { get; } = id;

    public string Type { get; } = type;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public byte[] Body { get; } = body;

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (deliveries)
            {
                return [.. deliveries];
            }
        }
    }

    public bool Acknowledged => Deliveries.Any(delivery => delivery.Succeeded);

    public void Record(WebhookDelivery delivery)
    {
        lock (deliveries)
        {
            deliveries.Add(delivery);
        }
    }
}
