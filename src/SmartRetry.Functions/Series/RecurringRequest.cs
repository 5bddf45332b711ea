using System.Text.Json.Serialization;
using SmartRetry.Functions.Shared.Charges;

namespace SmartRetry.Functions.Series;

/// <summary>
/// The body of <c>POST /api/recurring</c>. Amount, currency, card and payer have the sale's shape and rules; every
/// field is nullable so that a missing one is reported by validation, naming the field. Unknown fields are rejected.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RecurringRequest
{
    /// <summary>The merchant's own id of the series (e.g. its subscription id); the same id again is the same series.</summary>
    public string? SeriesReference { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public CardRequest? Card { get; init; }

    public PayerRequest? Payer { get; init; }

    public RecurringScheduleRequest? Recurring { get; init; }
}
