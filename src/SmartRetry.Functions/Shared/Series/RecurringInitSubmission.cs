using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>
/// <c>recurring_init</c> as the init activity hands it to SmartRetry. Holds the unsealed card, so it lives only inside
/// that activity and is never serialized. For a merchant-managed series the schedule is ours and is not sent; a provider-managed one may have none.
/// </summary>
public sealed record RecurringInitSubmission(
    string IdempotencyKey,
    decimal Amount,
    string Currency,
    SeriesManagement ManagedBy,
    SeriesSchedule? Schedule,
    CardDetails Card,
    PayerDetails Payer);
