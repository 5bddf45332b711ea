namespace SmartRetry.Functions.Series.MerchantManaged;

public sealed record CancelRecurringRequest(string IdempotencyKey, string RecurringId);
