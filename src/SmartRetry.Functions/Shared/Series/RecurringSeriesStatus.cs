namespace SmartRetry.Functions.Shared.Series;

/// <summary>A series' lifecycle: active ⇄ paused; active or paused → cancelled (irreversible) or completed; refused when SmartRetry never created it.</summary>
public enum RecurringSeriesStatus
{
    Active,
    Paused,
    Cancelled,
    Completed,

    /// <summary>SmartRetry refused to create the series (e.g. <c>INVALID_START_DATE</c>): nothing was charged; the reason code says why.</summary>
    Refused,
}
