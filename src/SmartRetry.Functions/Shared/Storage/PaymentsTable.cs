using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Shared.Storage;

/// <summary>The tables the app keeps; each is named <c>{TableNamePrefix}{name}</c>.</summary>
public enum PaymentsTable
{
    Ledger,
    Correlations,
    Idempotency,
    WebhookEvents,
    PendingEvents,
    RecurringSeries,
    CardAttempts,
    Cards,
    Unresolved,
}
