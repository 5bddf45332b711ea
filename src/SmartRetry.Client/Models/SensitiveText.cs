namespace SmartRetry.Client.Models;

/// <summary>How card data reads in <c>ToString()</c>: the PAN as its last four digits, the CVV not at all.</summary>
internal static class SensitiveText
{
    public const string Redacted = "***";

    public static string MaskCardNumber(string? cardNumber) =>
        cardNumber is { Length: > 4 } ? string.Concat("****", cardNumber.AsSpan(cardNumber.Length - 4)) : Redacted;

    public static string? MaskCvv(string? cvv) => cvv is null ? null : Redacted;
}
