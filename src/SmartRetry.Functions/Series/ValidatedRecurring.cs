using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series;

/// <summary>A recurring request that passed validation: the sale-shaped part (card still in the clear, in memory only) and the schedule.</summary>
/// <param name="Schedule">Null only for a <see cref="SeriesManagement.PaymentProvider"/> series sent without one.</param>
public sealed record ValidatedRecurring(ValidatedCharge Charge, SeriesManagement ManagedBy, SeriesSchedule? Schedule)
{
    public string SeriesReference => Charge.MerchantTransactionId;
}
