namespace SmartRetry.Functions.Shared.Series;

/// <summary>SmartRetry's <c>recurring_date_type</c>: the unit that <c>time_interval</c> multiplies.</summary>
public enum RecurrenceFrequency
{
    Daily,
    Weekly,
    Monthly,
    Yearly,
}
