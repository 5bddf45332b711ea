namespace SmartRetry.Simulator.Domain;

/// <summary>
/// When the charges of a scheduled series fall: payment <c>n</c> (1-based) is <c>first_payment_date</c> plus
/// <c>(n - 1) × time_interval</c> periods, always counted from the first date so month ends do not drift.
/// </summary>
internal sealed record RecurringSchedule(DateOnly FirstPaymentDate, string DateType, int TimeInterval)
{
    public static IReadOnlyList<string> DateTypes { get; } = ["daily", "weekly", "monthly", "yearly"];

    public DateOnly DateOf(int paymentNumber)
    {
        int periods = (paymentNumber - 1) * TimeInterval;
        return DateType switch
        {
            "daily" => FirstPaymentDate.AddDays(periods),
            "weekly" => FirstPaymentDate.AddDays(7 * periods),
            "monthly" => FirstPaymentDate.AddMonths(periods),
            _ => FirstPaymentDate.AddYears(periods),
        };
    }
}
