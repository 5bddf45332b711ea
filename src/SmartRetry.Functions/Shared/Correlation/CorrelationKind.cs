namespace SmartRetry.Functions.Shared.Correlation;

/// <summary>Which SmartRetry id a correlation maps to an orchestration instance.</summary>
public enum CorrelationKind
{
    Transaction,
    Recurring,
    FutureTransaction,
}
