using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Shared.Events;

/// <summary>Events raised into the recurring orchestrations; one name per concern so each orchestration keeps one long-lived wait per name.</summary>
public static class RecurringEventNames
{
    /// <summary>Pause / resume / cancel / update amount for a series; payload <see cref="SeriesControl"/>.</summary>
    public const string Control = "RecurringSeriesControl";

    /// <summary>The series tells a running charge cycle to stop dunning (pause or cancel); payload <see cref="SeriesControl"/>.</summary>
    public const string CycleInterrupt = "RecurringCycleInterrupt";

    /// <summary>A SmartRetry <c>recurring.*</c> or <c>future_transaction.*</c> webhook for a followed series; payload <see cref="RecurringEvent"/>.</summary>
    public const string Recurring = "SmartRetryRecurring";
}
