namespace SmartRetry.Payments.Recurring;

/// <summary>Names under which the host registers the recurring workflows and their activities (Durable function names).</summary>
public static class RecurringWorkflowNames
{
    public const string MerchantSeries = "MerchantRecurringSeriesWorkflow";
    public const string ChargeCycle = "RecurringChargeCycleWorkflow";
    public const string PlatformSeries = "PlatformRecurringSeriesWorkflow";
    public const string FutureTransactionWatch = "FutureTransactionWatchWorkflow";

    public const string InitRecurringActivity = "InitRecurring";
    public const string ChargeRecurringActivity = "ChargeRecurring";
    public const string CancelRecurringActivity = "CancelRecurring";
    public const string UpdateRecurringAmountActivity = "UpdateRecurringAmount";
    public const string InterruptCycleActivity = "InterruptRecurringCycle";
    public const string RecordSeriesChangeActivity = "RecordRecurringSeriesChange";
    public const string RecordChargeActivity = "RecordRecurringCharge";
    public const string SyncRecurringActivity = "SyncRecurringStatus";
    public const string GetFutureTransactionActivity = "GetFutureTransaction";
    public const string RecordFutureTransactionActivity = "RecordFutureTransaction";
    public const string ReserveCardAttemptActivity = "ReserveCardAttempt";
    public const string ReleaseCardAttemptActivity = "ReleaseCardAttempt";

    /// <summary>The instance id of one charge cycle; webhooks for its transactions are raised there, not on the series.</summary>
    public static string CycleInstanceId(string seriesId, int sequence) => $"{seriesId}-c{sequence}";
}
