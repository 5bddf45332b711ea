using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Payments;

/// <summary>The kind of a transaction.</summary>
[JsonConverter(typeof(TolerantEnumConverter<TransactionType>))]
public enum TransactionType
{
    /// <summary>A value this client version does not know.</summary>
    Unrecognized = 0,
    Sale,
    Preauth,
    Capture,
    Refund,
    Void,
    RecurringInit,
    Recurring,
    Payout,
}
