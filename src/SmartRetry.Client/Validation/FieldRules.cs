using System.Text.Json;
using System.Text.RegularExpressions;
using SmartRetry.Client.Errors;
using SmartRetry.Client.Models;

namespace SmartRetry.Client.Validation;

/// <summary>
/// The field checks SmartRetry documents, run before any network call. A violation throws
/// <see cref="SmartRetryValidationException"/> with the reason code SmartRetry would answer and the field's JSON path;
/// the message never repeats a card number or CVV.
/// </summary>
internal static partial class FieldRules
{
    public const int MaxIdempotencyKeyLength = 255;

    public static void Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid("MISSING_REQUIRED_FIELD", field, $"{field} is required.");
        }
    }

    public static void Required(object? value, string field)
    {
        if (value is null)
        {
            throw Invalid("MISSING_REQUIRED_FIELD", field, $"{field} is required.");
        }
    }

    public static void MaxLength(string? value, int maximum, string field)
    {
        if (value is not null && value.Length > maximum)
        {
            throw Invalid("INVALID_FIELD", field, $"{field} must be at most {maximum} characters (got {value.Length}).");
        }
    }

    public static void Identifier(string? value, string field, bool required = true)
    {
        if (value is null && !required)
        {
            return;
        }

        Required(value, field);
        if (value!.Length != 8)
        {
            throw Invalid("INVALID_FIELD", field, $"{field} must be exactly 8 characters (got {value.Length}).");
        }
    }

    public static void Fingerprint(string? value, string field)
    {
        if (value is not null && value.Length != 88)
        {
            throw Invalid("INVALID_FIELD", field, $"{field} must be exactly 88 characters (got {value.Length}).");
        }
    }

    public static void AtLeastOne(int? value, string field)
    {
        if (value is < 1)
        {
            throw Invalid("INVALID_FIELD", field, $"{field} must be at least 1.");
        }
    }

    public static void Currency(string? currency, string field, bool required = true)
    {
        if (currency is null && !required)
        {
            return;
        }

        Required(currency, field);
        if (!SmartRetryCurrencies.IsSupported(currency))
        {
            throw Invalid("INVALID_CURRENCY", field, $"{field} '{currency}' is not one of the 50 currencies SmartRetry supports.");
        }
    }

    /// <summary>Range 1–999999999 and, when the currency is known, no more decimals than its exponent.</summary>
    public static void Amount(decimal? amount, string? currency, string field)
    {
        if (amount is not { } value)
        {
            return;
        }

        if (value < SmartRetryCurrencies.MinimumAmount || value > SmartRetryCurrencies.MaximumAmount)
        {
            throw Invalid("INVALID_AMOUNT", field, $"{field} must be between 1 and 999999999 in major units (got {value}).");
        }

        if (SmartRetryCurrencies.TryGetExponent(currency, out int exponent) && decimal.Round(value, exponent) != value)
        {
            throw Invalid("INVALID_AMOUNT", field, $"{field} has more than {exponent} decimals, which {currency} does not allow (got {value}).");
        }
    }

    public static void CardNumber(string? cardNumber, string field)
    {
        Required(cardNumber, field);
        if (!SmartRetryFormats.IsCardNumberShape(cardNumber))
        {
            throw Invalid("INVALID_CARD_NUMBER", field, $"{field} must be 13 to 19 digits.");
        }

        if (!SmartRetryFormats.PassesLuhn(cardNumber))
        {
            throw Invalid("INVALID_CARD_NUMBER", field, $"{field} fails the Luhn check.");
        }
    }

    public static void Expiry(int month, int year, DateOnly today, string monthField, string yearField)
    {
        if (month is < 1 or > 12)
        {
            throw Invalid("INVALID_EXPIRY", monthField, $"{monthField} must be from 1 to 12.");
        }

        if (year is < 2024 or > 2099)
        {
            throw Invalid("INVALID_EXPIRY", yearField, $"{yearField} must be from 2024 to 2099.");
        }

        if (year < today.Year || (year == today.Year && month < today.Month))
        {
            throw Invalid("INVALID_EXPIRY", yearField, $"{monthField}/{yearField} is in the past: the card has expired.");
        }
    }

    public static void Cvv(string? cvv, string field)
    {
        if (cvv is not null && !SmartRetryFormats.IsCvv(cvv))
        {
            throw Invalid("INVALID_FIELD", field, $"{field} must be 3 or 4 digits.");
        }
    }

    public static void Email(string? email, string field)
    {
        Required(email, field);
        MaxLength(email, 254, field);
        if (!SmartRetryFormats.IsEmail(email))
        {
            throw Invalid("INVALID_FIELD", field, $"{field} is not an e-mail address.");
        }
    }

    public static void PhoneNumber(string? phoneNumber, string field)
    {
        if (phoneNumber is not null && !SmartRetryFormats.IsE164PhoneNumber(phoneNumber))
        {
            throw Invalid("INVALID_FIELD", field, $"{field} must be E.164, e.g. +12125551234.");
        }
    }

    public static void IdempotencyKey(string key)
    {
        const string Field = "Idempotency-Key";
        if (key.Length is 0 or > MaxIdempotencyKeyLength || !IdempotencyKeyPattern().IsMatch(key))
        {
            throw Invalid("INVALID_IDEMPOTENCY_KEY", Field, $"{Field} must be 1 to {MaxIdempotencyKeyLength} letters, digits, '_' or '-'.");
        }
    }

    public static void Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum
    {
        if (EqualityComparer<TEnum>.Default.Equals(value, default) || !Enum.IsDefined(value))
        {
            throw Invalid("INVALID_FIELD", field, $"{field} must be one of the documented values.");
        }
    }

    public static void Either(bool first, bool second, string firstField, string secondField)
    {
        if (first == second)
        {
            throw Invalid(
                first ? "INVALID_FIELD" : "MISSING_REQUIRED_FIELD",
                firstField,
                $"Send exactly one of {firstField} and {secondField}.");
        }
    }

    public static SmartRetryValidationException Invalid(string reasonCode, string field, string message) =>
        new(message, statusCode: null, new SmartRetryProblem
        {
            ReasonCode = reasonCode,
            Detail = message,
            Context = new Dictionary<string, JsonElement> { ["field"] = JsonSerializer.SerializeToElement(field) },
        });

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdempotencyKeyPattern();
}
