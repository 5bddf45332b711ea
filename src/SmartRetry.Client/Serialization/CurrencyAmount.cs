using System.Text.Json.Serialization;

namespace SmartRetry.Client.Serialization;

/// <summary>
/// An amount as it goes on the wire: a JSON number in major units with exactly the currency's exponent
/// (<c>49.90</c> USD, <c>1000</c> JPY, <c>1.500</c> KWD). Without a currency (capture, overrides) the amount is written as given.
/// </summary>
[JsonConverter(typeof(CurrencyAmountConverter))]
internal readonly record struct CurrencyAmount(decimal Value, string? Currency);
