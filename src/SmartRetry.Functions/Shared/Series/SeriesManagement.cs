namespace SmartRetry.Functions.Shared.Series;

/// <summary>SmartRetry's <c>managed_by</c>: who schedules the charges of a series (§2.19).</summary>
public enum SeriesManagement
{
    /// <summary>We do: <c>MerchantRecurringSeriesWorkflow</c> charges each cycle.</summary>
    Merchant,

    /// <summary>SmartRetry does, through future transactions; we follow.</summary>
    OurPlatform,

    /// <summary>The payment provider does; we follow.</summary>
    PaymentProvider,
}
