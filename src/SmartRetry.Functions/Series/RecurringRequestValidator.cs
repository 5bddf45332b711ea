using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series;

/// <summary>
/// Validates a recurring request. Amount, currency, card and payer go through the sale's validator (same rules, same
/// JSON pointers); the schedule is checked here, each problem naming its field under <c>/recurring</c>.
/// </summary>
public sealed class RecurringRequestValidator(ChargeRequestValidator saleValidator, TimeProvider timeProvider)
{
    private const string ReferencePointer = "/series_reference";

    public ValidatedRecurring? Validate(RecurringRequest request, out IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sale = new ChargeRequest
        {
            MerchantTransactionId = request.SeriesReference,
            Amount = request.Amount,
            Currency = request.Currency,
            Card = request.Card,
            Payer = request.Payer,
        };
        ValidatedCharge? charge = saleValidator.Validate(sale, out IReadOnlyDictionary<string, string[]> saleErrors);
        var found = saleErrors.ToDictionary(pair => pair.Key == "/merchant_transaction_id" ? ReferencePointer : pair.Key, pair => pair.Value.ToList(), StringComparer.Ordinal);
        (SeriesManagement? managedBy, SeriesSchedule? schedule) = Schedule(request.Recurring, found);

        errors = found.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        return errors.Count > 0 ? null : new ValidatedRecurring(charge!, managedBy!.Value, schedule);
    }

    private (SeriesManagement?, SeriesSchedule?) Schedule(RecurringScheduleRequest? recurring, Dictionary<string, List<string>> errors)
    {
        if (recurring is null)
        {
            Add(errors, "/recurring", "Required: managed_by and, unless payment_provider manages it, first_payment_date, recurring_date_type and time_interval.");
            return (null, null);
        }

        if (recurring.ManagedBy is not { } managedBy)
        {
            Add(errors, "/recurring/managed_by", "Required: merchant, our_platform or payment_provider.");
            return (null, null);
        }

        if (managedBy != SeriesManagement.Merchant)
        {
            if (recurring.ChargeTimeOfDay is not null)
            {
                Add(errors, "/recurring/charge_time_of_day", "Only for managed_by merchant: SmartRetry or the provider decides when its charges run.");
            }

            if (recurring.TimeZone is not null)
            {
                Add(errors, "/recurring/time_zone", "Only for managed_by merchant: SmartRetry or the provider decides when its charges run.");
            }
        }

        bool scheduleOptional = managedBy == SeriesManagement.PaymentProvider
            && recurring is { FirstPaymentDate: null, RecurringDateType: null, TimeInterval: null };
        if (scheduleOptional)
        {
            return (managedBy, null);
        }

        int before = errors.Count;
        RequireField(errors, "/recurring/first_payment_date", recurring.FirstPaymentDate, "Required: the first payment date, YYYY-MM-DD.");
        RequireField(errors, "/recurring/recurring_date_type", recurring.RecurringDateType, "Required: daily, weekly, monthly or yearly.");
        RequireField(errors, "/recurring/time_interval", recurring.TimeInterval, "Required: 1 or more (2 with monthly means every two months).");
        if (errors.Count > before)
        {
            return (managedBy, null);
        }

        var schedule = new SeriesSchedule(
            recurring.FirstPaymentDate!.Value,
            recurring.RecurringDateType!.Value,
            recurring.TimeInterval!.Value,
            recurring.NumberOfPayments,
            recurring.CancellationDate,
            recurring.ChargeTimeOfDay,
            recurring.TimeZone);
        if (ScheduleCalculator.Validate(schedule) is { } problem)
        {
            Add(errors, "/recurring/" + problem.Field, $"Invalid: {problem.Message}.");
            return (managedBy, null);
        }

        // "Today" is judged in the series' own time zone: a first payment due today is still valid there.
        DateOnly today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), ZoneOf(schedule)).DateTime);
        if (schedule.FirstPaymentDate < today)
        {
            Add(errors, "/recurring/first_payment_date", "Must be today or later.");
        }

        return (managedBy, schedule);
    }

    private static TimeZoneInfo ZoneOf(SeriesSchedule schedule) =>
        string.IsNullOrWhiteSpace(schedule.TimeZoneId) || schedule.TimeZoneId == SeriesSchedule.DefaultTimeZoneId
            ? TimeZoneInfo.Utc
            : TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZoneId);

    private static void RequireField<T>(Dictionary<string, List<string>> errors, string pointer, T? value, string message)
        where T : struct
    {
        if (value is null)
        {
            Add(errors, pointer, message);
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string pointer, string message)
    {
        if (!errors.TryGetValue(pointer, out List<string>? messages))
        {
            errors[pointer] = messages = [];
        }

        messages.Add(message);
    }
}
