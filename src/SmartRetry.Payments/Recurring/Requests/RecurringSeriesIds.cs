using System.Security.Cryptography;
using System.Text;

namespace SmartRetry.Payments.Recurring.Requests;

/// <summary>
/// The series id (also the series workflow's instance id), derived from the merchant's series reference so that a
/// repeated request finds the same series. A hash keeps any reference a valid instance id, table key and idempotency-key part.
/// </summary>
public static class RecurringSeriesIds
{
    public const string Prefix = "rs-";
    private const int HashHexLength = 32;

    public static string For(string seriesReference)
    {
        ArgumentException.ThrowIfNullOrEmpty(seriesReference);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seriesReference)))[..HashHexLength];
    }

    /// <summary>True for a string shaped like an id <see cref="For"/> makes; anything else cannot be a series.</summary>
    public static bool IsWellFormed(string? seriesId) =>
        seriesId is { Length: 3 + HashHexLength }
        && seriesId.StartsWith(Prefix, StringComparison.Ordinal)
        && seriesId[Prefix.Length..].All(char.IsAsciiHexDigitLower);
}
