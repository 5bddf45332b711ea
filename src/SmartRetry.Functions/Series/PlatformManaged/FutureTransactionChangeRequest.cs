using System.Text.Json.Serialization;

namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>The body of <c>PUT .../future-transactions/{id}</c>: a new amount and/or date for that one charge.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FutureTransactionChangeRequest
{
    public decimal? Amount { get; init; }

    public DateOnly? ScheduledDate { get; init; }
}
