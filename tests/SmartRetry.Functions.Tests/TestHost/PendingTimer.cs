namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>A durable timer that has not fired yet. <paramref name="TaskId"/> is null for a scheduled instance start.</summary>
public sealed record PendingTimer(string InstanceId, int? TaskId, DateTime FireAt);
