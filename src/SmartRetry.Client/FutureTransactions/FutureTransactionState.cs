using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.FutureTransactions;

/// <summary>The state of one scheduled charge.</summary>
[JsonConverter(typeof(TolerantEnumConverter<FutureTransactionState>))]
public enum FutureTransactionState
{
    /// <summary>A value this client version does not know.</summary>
    Unrecognized = 0,
    Pending,
    Processing,

    /// <summary>Executed: the linked transaction's own status says whether it was approved.</summary>
    Completed,
    Failed,
    Cancelled,
}
