namespace SmartRetry.Functions.Shared.Events;

public sealed record CancelRequest(string Reason, DateTimeOffset RequestedAt);
