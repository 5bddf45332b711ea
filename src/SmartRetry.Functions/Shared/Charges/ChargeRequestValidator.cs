using System.Globalization;
using Microsoft.Extensions.Options;
using SmartRetry.Client.Models;
using SmartRetry.Client.Validation;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Shared.Charges;

/// <summary>
/// Checks a sale request against SmartRetry's limits (https://www.smartretry.com/docs/integration/rest-api, https://www.smartretry.com/docs/api-reference/payments/sale) and ours, collecting every
/// problem keyed by the field's JSON pointer. Messages describe the rule, never the value sent.
/// </summary>
public sealed class ChargeRequestValidator(TimeProvider timeProvider, IOptions<PaymentRequestOptions> options)
{
    private const int MinExpiryYear = 2024;
    private const int MaxExpiryYear = 2099;

    /// <summary>The validated sale, or null with <paramref name="errors"/> naming each bad field.</summary>
    public ValidatedCharge? Validate(ChargeRequest request, out IReadOnlyDictionary<string, string[]> errors) =>
        Validate(request, timeProvider.GetUtcNow(), out errors);

    /// <summary>
    /// Validates as of <paramref name="now"/>: the time-dependent rules (card expiry, <c>scheduled_at</c> in the
    /// future and within the horizon) are judged at that instant, so a repeat of an accepted request can be judged as
    /// of when it was first accepted.
    /// </summary>
    public ValidatedCharge? Validate(ChargeRequest request, DateTimeOffset now, out IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = new Errors();

        string? merchantTransactionId = Text(found, "/merchant_transaction_id", request.MerchantTransactionId, required: true, maxLength: 100);
        string? currency = Currency(found, request.Currency);
        decimal? amount = Amount(found, request.Amount, currency);
        CardDetails? card = Card(found, request.Card, now);
        PayerDetails? payer = Payer(found, request.Payer);
        string? description = Text(found, "/description", request.Description, required: false, maxLength: 500);
        string? merchantOrderId = Text(found, "/merchant_order_id", request.MerchantOrderId, required: false, maxLength: 100);
        DateTimeOffset? scheduledAt = ScheduledAt(found, request.ScheduledAt, card, now);

        errors = found.ToDictionary();
        return found.Count > 0
            ? null
            : new ValidatedCharge(merchantTransactionId!, amount!.Value, currency!, card!, payer!, description, merchantOrderId, scheduledAt);
    }

    private static string? Currency(Errors errors, string? currency)
    {
        if (string.IsNullOrEmpty(currency))
        {
            errors.Add("/currency", "Required: an ISO 4217 currency code.");
            return null;
        }

        if (!SmartRetryCurrencies.TryGetExponent(currency, out _))
        {
            errors.Add("/currency", "Not a supported currency: use an upper-case ISO 4217 code SmartRetry accepts (e.g. USD, EUR, JPY).");
            return null;
        }

        return currency;
    }

    private static decimal? Amount(Errors errors, decimal? amount, string? currency)
    {
        if (amount is not { } value)
        {
            errors.Add("/amount", "Required: the amount in major units (49.99 means 49.99, not cents).");
            return null;
        }

        if (value is < SmartRetryCurrencies.MinimumAmount or > SmartRetryCurrencies.MaximumAmount)
        {
            errors.Add("/amount", $"Must be between {SmartRetryCurrencies.MinimumAmount} and {SmartRetryCurrencies.MaximumAmount.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        if (SmartRetryCurrencies.TryGetExponent(currency, out int exponent) && decimal.Round(value, exponent) != value)
        {
            errors.Add("/amount", $"{currency} allows at most {exponent} decimal place{(exponent == 1 ? "" : "s")}.");
            return null;
        }

        return value;
    }

    private static CardDetails? Card(Errors errors, CardRequest? card, DateTimeOffset now)
    {
        if (card is null)
        {
            errors.Add("/card", "Required: number, expiry_month, expiry_year and optionally cvv and holder_name.");
            return null;
        }

        int before = errors.Count;
        string? number = card.Number;
        if (string.IsNullOrEmpty(number))
        {
            errors.Add("/card/number", "Required.");
        }
        else if (!SmartRetryFormats.IsCardNumberShape(number))
        {
            errors.Add("/card/number", "Must be 13 to 19 digits, without spaces or dashes.");
        }
        else if (!SmartRetryFormats.PassesLuhn(number))
        {
            errors.Add("/card/number", "Is not a valid card number (check digit mismatch).");
        }

        if (card.ExpiryMonth is not { } month)
        {
            errors.Add("/card/expiry_month", "Required: 1 to 12.");
        }
        else if (month is < 1 or > 12)
        {
            errors.Add("/card/expiry_month", "Must be 1 to 12.");
        }

        if (card.ExpiryYear is not { } year)
        {
            errors.Add("/card/expiry_year", "Required: four digits.");
        }
        else if (year is < MinExpiryYear or > MaxExpiryYear)
        {
            errors.Add("/card/expiry_year", $"Must be a four-digit year from {MinExpiryYear} to {MaxExpiryYear}.");
        }
        else if (card.ExpiryMonth is >= 1 and <= 12 && ExpiresAt(year, card.ExpiryMonth.Value) <= now)
        {
            errors.Add("/card/expiry_year", "The card has expired.");
        }

        if (card.Cvv is not null && !SmartRetryFormats.IsCvv(card.Cvv))
        {
            errors.Add("/card/cvv", "Must be 3 or 4 digits.");
        }

        string? holder = Text(errors, "/card/holder_name", card.HolderName, required: false, maxLength: 100);
        return errors.Count > before ? null : new CardDetails(number!, card.ExpiryMonth!.Value, card.ExpiryYear!.Value, card.Cvv, holder);
    }

    private static PayerDetails? Payer(Errors errors, PayerRequest? payer)
    {
        if (payer is null)
        {
            errors.Add("/payer", "Required: first_name, last_name, email and optionally phone_number.");
            return null;
        }

        int before = errors.Count;
        string? firstName = Text(errors, "/payer/first_name", payer.FirstName, required: true, maxLength: 50);
        string? lastName = Text(errors, "/payer/last_name", payer.LastName, required: true, maxLength: 50);
        string? email = Text(errors, "/payer/email", payer.Email, required: true, maxLength: 254);
        if (email is not null && !SmartRetryFormats.IsEmail(email))
        {
            errors.Add("/payer/email", "Is not an email address.");
        }

        if (payer.PhoneNumber is not null && !SmartRetryFormats.IsE164PhoneNumber(payer.PhoneNumber))
        {
            errors.Add("/payer/phone_number", "Must be E.164: '+', country code and number, at most 15 digits (e.g. +12125551234).");
        }

        return errors.Count > before ? null : new PayerDetails(firstName!, lastName!, email!, payer.PhoneNumber);
    }

    private DateTimeOffset? ScheduledAt(Errors errors, DateTimeOffset? scheduledAt, CardDetails? card, DateTimeOffset now)
    {
        if (scheduledAt is not { } at)
        {
            return null;
        }

        TimeSpan horizon = options.Value.MaxScheduleHorizon;
        if (at <= now)
        {
            errors.Add("/scheduled_at", "Must be in the future; omit it to charge now.");
        }
        else if (at > now + horizon)
        {
            errors.Add("/scheduled_at", $"Must be within {horizon.TotalDays:0.##} days from now.");
        }
        else if (card is not null && at >= ExpiresAt(card.ExpiryYear, card.ExpiryMonth))
        {
            errors.Add("/scheduled_at", "The card expires before this date.");
        }

        return at.ToUniversalTime();
    }

    private static string? Text(Errors errors, string pointer, string? value, bool required, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required || value is not null)
            {
                errors.Add(pointer, required ? "Required." : "Must not be blank; omit it instead.");
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(pointer, $"At most {maxLength} characters.");
            return null;
        }

        if (value.Any(char.IsControl))
        {
            errors.Add(pointer, "Must not contain control characters.");
            return null;
        }

        return value;
    }

    // A card is valid through the last day of its expiry month.
    private static DateTimeOffset ExpiresAt(int year, int month) => new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public int Count => _errors.Count;

        public void Add(string pointer, string message)
        {
            if (!_errors.TryGetValue(pointer, out List<string>? messages))
            {
                _errors[pointer] = messages = [];
            }

            messages.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }
}
