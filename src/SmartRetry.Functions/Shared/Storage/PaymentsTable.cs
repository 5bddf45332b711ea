using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Shared.Storage;

/// <summary>The tables Payments keeps; each is named <c>{TableNamePrefix}{name}</c>.</summary>
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
