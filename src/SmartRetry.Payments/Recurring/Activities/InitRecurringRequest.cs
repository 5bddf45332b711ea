using SmartRetry.Payments.Cards;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Recurring.Scheduling;

namespace SmartRetry.Payments.Recurring.Activities;

/// <summary>Create the series at SmartRetry; the card is unsealed only inside the activity.</summary>
public sealed record InitRecurringRequest(
    string SeriesId,
    string IdempotencyKey,
    decimal Amount,
    string Currency,
    RecurringManagement ManagedBy,
    RecurringSchedule? Schedule,
    SealedCard Card,
    PayerDetails Payer);
