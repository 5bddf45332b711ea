using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Recurring;

/// <summary>Who schedules the charges of a series (<c>managed_by</c>).</summary>
[JsonConverter(typeof(TolerantEnumConverter<RecurringManagement>))]
public enum RecurringManagement
{
    /// <summary>A value this client version does not know.</summary>
    Unrecognized = 0,

    /// <summary>We trigger each charge with <see cref="RecurringClient.ChargeAsync"/>.</summary>
    Merchant,

    /// <summary>SmartRetry schedules and runs the charges as future transactions.</summary>
    OurPlatform,

    /// <summary>The payment provider schedules the charges.</summary>
    PaymentProvider,
}
