using SmartRetry.Functions.Shared.Correlation;

namespace SmartRetry.Functions.Webhooks;

/// <summary>Where a webhook event goes: the orchestration event to raise and the SmartRetry ids that can name its instance, best first.</summary>
public sealed record WebhookRoute(string EventName, object Payload, IReadOnlyList<WebhookCorrelation> Correlations);

public sealed record WebhookCorrelation(CorrelationKind Kind, string SmartRetryId);
