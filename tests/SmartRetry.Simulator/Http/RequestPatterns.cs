using System.Text.RegularExpressions;

namespace SmartRetry.Simulator.Http;

/// <summary>Field formats from SmartRetry's OpenAPI (§2.1, §5).</summary>
internal static partial class RequestPatterns
{
    public static IReadOnlyList<string> PaymentMethods { get; } =
        ["cards", "digital_wallets", "bnpl", "online_banking", "rtp", "vouchers", "cash", "direct_debit", "cryptocurrencies"];

    [GeneratedRegex("^[0-9]{13,19}$")]
    public static partial Regex CardNumber();

    [GeneratedRegex("^[0-9]{3,4}$")]
    public static partial Regex Cvv();

    [GeneratedRegex(@"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$")]
    public static partial Regex Email();

    [GeneratedRegex(@"^\+[1-9]\d{1,14}$")]
    public static partial Regex PhoneNumber();

    [GeneratedRegex(@"^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$")]
    public static partial Regex IPv4();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    public static partial Regex IdempotencyKey();
}
