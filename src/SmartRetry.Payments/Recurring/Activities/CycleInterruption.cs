using SmartRetry.Payments.Recurring.Events;


namespace SmartRetry.Payments.Recurring.Activities;

/// <summary>Tells a running charge cycle to stop dunning.</summary>
public sealed record CycleInterruption(string CycleInstanceId, SeriesControl Control);
