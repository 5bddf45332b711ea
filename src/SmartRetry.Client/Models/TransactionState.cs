using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>A transaction's <c>status.status</c> (https://www.smartretry.com/docs/concepts/transaction-statuses).</summary>
[JsonConverter(typeof(TolerantEnumConverter<TransactionState>))]
public enum TransactionState
{
    /// <summary>A value this client version does not know.</summary>
    Unrecognized = 0,

    [JsonStringEnumMemberName("APPROVED")]
    Approved,

    /// <summary>Not final: poll again, never resubmit.</summary>
    [JsonStringEnumMemberName("PROCESSING")]
    Processing,

    [JsonStringEnumMemberName("DECLINED")]
    Declined,

    [JsonStringEnumMemberName("ERROR")]
    Error,

    [JsonStringEnumMemberName("CANCELLED")]
    Cancelled,

    /// <summary>SmartRetry itself does not know the outcome yet: never assume success or failure.</summary>
    [JsonStringEnumMemberName("UNKNOWN")]
    Unknown,
}
