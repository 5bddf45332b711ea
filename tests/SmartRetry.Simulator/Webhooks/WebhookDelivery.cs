namespace SmartRetry.Simulator.Webhooks;

/// <summary>One attempt to deliver an event. <see cref="StatusCode"/> is null when the receiver could not be reached.</summary>
internal sealed record WebhookDelivery(int Attempt, bool Duplicate, DateTimeOffset At, Uri Url, int? StatusCode, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
