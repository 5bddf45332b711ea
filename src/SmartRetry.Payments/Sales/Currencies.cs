using System.Collections.Frozen;

namespace SmartRetry.Payments.Sales;

/// <summary>The 50 currencies SmartRetry accepts (smartretry-api.md §1.4) with their ISO 4217 minor-unit exponents.</summary>
public static class Currencies
{
    private static readonly FrozenDictionary<string, int> Exponents = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["JPY"] = 0, ["KWD"] = 3, ["CNY"] = 2, ["AUD"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["SEK"] = 2,
        ["NOK"] = 2, ["DKK"] = 2, ["RUB"] = 2, ["ILS"] = 2, ["INR"] = 2, ["BRL"] = 2, ["MXN"] = 2, ["ZAR"] = 2, ["SGD"] = 2, ["HKD"] = 2,
        ["NZD"] = 2, ["AED"] = 2, ["SAR"] = 2, ["TRY"] = 2, ["PLN"] = 2, ["CZK"] = 2, ["HUF"] = 2, ["THB"] = 2, ["PHP"] = 2, ["MYR"] = 2,
        ["BGN"] = 2, ["RON"] = 2, ["IDR"] = 2, ["KRW"] = 0, ["COP"] = 2, ["UAH"] = 2, ["VND"] = 0, ["QAR"] = 2, ["BHD"] = 3, ["EGP"] = 2,
        ["MAD"] = 2, ["KES"] = 2, ["UGX"] = 0, ["NGN"] = 2, ["OMR"] = 3, ["ARS"] = 2, ["CLP"] = 0, ["JOD"] = 3, ["PYG"] = 0, ["RWF"] = 0,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> Codes => Exponents.Keys;

    /// <summary>The number of decimals the currency allows; false for a currency SmartRetry does not accept.</summary>
    public static bool TryGetExponent(string? code, out int exponent) => Exponents.TryGetValue(code ?? "", out exponent);
}
