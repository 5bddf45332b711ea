namespace SmartRetry.Payments.Recurring;

/// <summary>A series' lifecycle: active ⇄ paused; active or paused → cancelled (irreversible) or completed.</summary>
public enum RecurringSeriesStatus
{
    Active,
    Paused,
    Cancelled,
    Completed,
}
