using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace SmartRetry.Client.Models;

/// <summary>
/// The 50 currencies SmartRetry accepts (https://www.smartretry.com/docs/integration/rest-api) with their ISO 4217 exponent: amounts are sent in
/// major units with at most that many decimals.
/// </summary>
public static class SmartRetryCurrencies
{
    /// <summary>Smallest amount a charge-type request accepts, in major units.</summary>
    public const decimal MinimumAmount = 1m;

    /// <summary>Largest amount a charge-type request accepts, in major units.</summary>
    public const decimal MaximumAmount = 999_999_999m;

    private static readonly FrozenDictionary<string, int> Exponents = new Dictionary<string, int>
    {
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["JPY"] = 0, ["KWD"] = 3, ["CNY"] = 2, ["AUD"] = 2, ["CAD"] = 2,
        ["CHF"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["RUB"] = 2, ["ILS"] = 2, ["INR"] = 2, ["BRL"] = 2,
        ["MXN"] = 2, ["ZAR"] = 2, ["SGD"] = 2, ["HKD"] = 2, ["NZD"] = 2, ["AED"] = 2, ["SAR"] = 2, ["TRY"] = 2,
        ["PLN"] = 2, ["CZK"] = 2, ["HUF"] = 2, ["THB"] = 2, ["PHP"] = 2, ["MYR"] = 2, ["BGN"] = 2, ["RON"] = 2,
        ["IDR"] = 2, ["KRW"] = 0, ["COP"] = 2, ["UAH"] = 2, ["VND"] = 0, ["QAR"] = 2, ["BHD"] = 3, ["EGP"] = 2,
        ["MAD"] = 2, ["KES"] = 2, ["UGX"] = 0, ["NGN"] = 2, ["OMR"] = 3, ["ARS"] = 2, ["CLP"] = 0, ["JOD"] = 3,
        ["PYG"] = 0, ["RWF"] = 0,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The supported ISO 4217 codes, upper case.</summary>
    public static IReadOnlyCollection<string> Supported => Exponents.Keys;

    /// <summary>Whether SmartRetry accepts <paramref name="currency"/> (an upper-case ISO 4217 code).</summary>
    public static bool IsSupported([NotNullWhen(true)] string? currency) => currency is not null && Exponents.ContainsKey(currency);

    /// <summary>The number of decimals <paramref name="currency"/> allows (0, 2 or 3).</summary>
    public static bool TryGetExponent([NotNullWhen(true)] string? currency, out int exponent)
    {
        exponent = 0;
        return currency is not null && Exponents.TryGetValue(currency, out exponent);
    }
}
