using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.MerchantManaged;

/// <summary>Tells a running charge cycle to stop dunning.</summary>
public sealed record CycleInterruption(string CycleInstanceId, SeriesControl Control);
