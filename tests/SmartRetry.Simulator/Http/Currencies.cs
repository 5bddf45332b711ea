namespace SmartRetry.Simulator.Http;

/// <summary>The 50 currencies SmartRetry accepts (§1.4).</summary>
internal static class Currencies
{
    public static IReadOnlySet<string> Supported { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "USD", "EUR", "GBP", "JPY", "KWD", "CNY", "AUD", "CAD", "CHF", "SEK", "NOK", "DKK", "RUB", "ILS", "INR", "BRL", "MXN",
        "ZAR", "SGD", "HKD", "NZD", "AED", "SAR", "TRY", "PLN", "CZK", "HUF", "THB", "PHP", "MYR", "BGN", "RON", "IDR", "KRW",
        "COP", "UAH", "VND", "QAR", "BHD", "EGP", "MAD", "KES", "UGX", "NGN", "OMR", "ARS", "CLP", "JOD", "PYG", "RWF",
    };
}
