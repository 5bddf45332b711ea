namespace SmartRetry.Payments.Recurring;

/// <summary>The Durable function names of the recurring workflows; each activity carries its own (<c>ChargeRecurringActivity.Name</c>, ...).</summary>
public static class RecurringWorkflowNames
{
    public const string MerchantSeries = "MerchantRecurringSeriesWorkflow";
    public const string ChargeCycle = "RecurringChargeCycleWorkflow";
    public const string PlatformSeries = "PlatformRecurringSeriesWorkflow";
    public const string FutureTransactionWatch = "FutureTransactionWatchWorkflow";

    /// <summary>The instance id of one charge cycle; webhooks for its transactions are raised there, not on the series.</summary>
    public static string CycleInstanceId(string seriesId, int sequence) => $"{seriesId}-c{sequence}";
}
