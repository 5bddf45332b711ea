using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>The unit of a series' schedule (<c>recurring_date_type</c>).</summary>
[JsonConverter(typeof(TolerantEnumConverter<RecurringInterval>))]
public enum RecurringInterval
{
    /// <summary>A value this client version does not know.</summary>
    Unrecognized = 0,
    Daily,
    Weekly,
    Monthly,
    Yearly,
}
