using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>A series' lifecycle state.</summary>
[JsonConverter(typeof(TolerantEnumConverter<RecurringState>))]
public enum RecurringState
{
    /// <summary>A value this client version does not know.</summary>
    Unrecognized = 0,
    Active,
    Paused,

    /// <summary>Permanent: a cancelled series cannot be reactivated.</summary>
    Cancelled,
    Completed,
}
