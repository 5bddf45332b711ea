namespace SmartRetry.Payments.Recurring.Activities;

public sealed record CancelRecurringRequest(string IdempotencyKey, string RecurringId);
