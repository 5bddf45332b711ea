using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>The series orchestration's custom status: what operators and <c>GET /api/recurring/{id}</c> see. No card data.</summary>
public sealed record MerchantSeriesStatus(
    RecurringSeriesStatus Status,
    decimal Amount,
    string Currency,
    int NextSequence,
    DateTime? NextDueAtUtc,
    string? RunningCycleId,
    int Generation,
    bool NeedsPaymentMethod = false);
