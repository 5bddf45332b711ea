namespace SmartRetry.Functions.Webhooks;

/// <summary>What one run of <see cref="WebhookRecordsRetention"/> deleted, and its cut-off.</summary>
public sealed record WebhookRecordsPurged(DateTimeOffset Before, int WebhookEvents, int PendingEvents);
