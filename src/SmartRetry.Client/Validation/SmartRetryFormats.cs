using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SmartRetry.Client.Validation;

/// <summary>
/// The formats SmartRetry accepts for card and payer fields (https://www.smartretry.com/docs/api-reference/payments/sale, its OpenAPI patterns), public so an
/// app can validate its own input by the same rules the client applies before sending.
/// </summary>
public static partial class SmartRetryFormats
{
    /// <summary>13 to 19 ASCII digits, nothing else (no spaces or dashes). Says nothing about the check digit.</summary>
    public static bool IsCardNumberShape([NotNullWhen(true)] string? cardNumber) =>
        cardNumber is { Length: >= 13 and <= 19 } && !cardNumber.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>Whether an all-digit card number's Luhn check digit matches.</summary>
    public static bool PassesLuhn(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        int sum = 0;
        bool doubled = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int digit = digits[i] - '0';
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>3 or 4 ASCII digits.</summary>
    public static bool IsCvv([NotNullWhen(true)] string? cvv) => cvv is { Length: 3 or 4 } && !cvv.AsSpan().ContainsAnyExceptInRange('0', '9');

    public static bool IsEmail([NotNullWhen(true)] string? email) => email is not null && EmailPattern().IsMatch(email);

    /// <summary>E.164 with ASCII digits, e.g. <c>+12125551234</c>.</summary>
    public static bool IsE164PhoneNumber([NotNullWhen(true)] string? phoneNumber) => phoneNumber is not null && PhonePattern().IsMatch(phoneNumber);

    [GeneratedRegex(@"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
