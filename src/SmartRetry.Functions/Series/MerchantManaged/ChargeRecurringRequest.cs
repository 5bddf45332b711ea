namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>One charge attempt of a cycle. <paramref name="CycleInstanceId"/> receives the webhooks of the resulting transaction.</summary>
public sealed record ChargeRecurringRequest(string CycleInstanceId, string IdempotencyKey, string RecurringId, decimal Amount, string Currency);
