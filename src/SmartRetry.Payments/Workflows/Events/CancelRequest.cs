namespace SmartRetry.Payments.Workflows.Events;

public sealed record CancelRequest(string Reason, DateTimeOffset RequestedAt);
