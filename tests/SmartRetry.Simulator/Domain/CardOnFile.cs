using System.Security.Cryptography;
using System.Text;

namespace SmartRetry.Simulator.Domain;

/// <summary>What SmartRetry keeps of a card after authorization: a token and a summary, never the PAN or CVV.</summary>
internal sealed record CardOnFile(
    string Token,
    string Fingerprint,
    string PaymentMethod,
    string? CardholderName,
    string LastFour,
    string Bin,
    int ExpiryMonth,
    int ExpiryYear,
    string Brand)
{
    public DateTimeOffset ExpirationDate =>
        new(new DateTime(ExpiryYear, ExpiryMonth, DateTime.DaysInMonth(ExpiryYear, ExpiryMonth), 0, 0, 0, DateTimeKind.Utc));

    public static CardOnFile From(string cardNumber, int expiryMonth, int expiryYear, string paymentMethod, string? cardholderName)
    {
        string token = Hash88($"token|{cardNumber}|{expiryMonth}|{expiryYear}");
        string brand = cardNumber[0] switch
        {
            '4' => "Visa",
            '5' or '2' => "Mastercard",
            '3' => "Amex",
            '6' => "Discover",
            _ => "Unknown",
        };
        return new CardOnFile(token, Hash88($"fingerprint|{cardNumber}"), paymentMethod, cardholderName, cardNumber[^4..], cardNumber[..6], expiryMonth, expiryYear, brand);
    }

    /// <summary>Luhn check (§4.3 <c>INVALID_CARD_NUMBER</c>).</summary>
    public static bool PassesLuhn(string digits)
    {
        int sum = 0;
        bool doubled = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int digit = digits[i] - '0';
            if (doubled)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    // 64 bytes in base64 are exactly 88 characters, SmartRetry's token and fingerprint length.
    private static string Hash88(string text) => Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(text)));
}
