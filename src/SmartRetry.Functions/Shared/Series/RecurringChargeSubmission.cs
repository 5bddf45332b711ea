namespace SmartRetry.Functions.Shared.Series;

/// <summary>One merchant-triggered charge; the amount and currency are sent explicitly so an amount update never races a charge.</summary>
public sealed record RecurringChargeSubmission(string IdempotencyKey, string RecurringId, decimal Amount, string Currency);
