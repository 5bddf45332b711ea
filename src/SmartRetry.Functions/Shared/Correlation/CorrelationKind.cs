namespace SmartRetry.Functions.Shared.Correlation;

/// <summary>Which SmartRetry id a correlation maps to a workflow instance.</summary>
public enum CorrelationKind
{
    Transaction,
    Recurring,
    FutureTransaction,
}
