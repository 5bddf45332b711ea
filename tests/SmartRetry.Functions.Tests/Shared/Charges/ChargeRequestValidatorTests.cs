using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartRetry.Client.Models;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Tests.Sales;

namespace SmartRetry.Functions.Tests.Shared.Charges;

public sealed class ChargeRequestValidatorTests
{
    private readonly FakeTimeProvider _time = new(TestSales.Now);
    private readonly ChargeRequestValidator _validator;

    public ChargeRequestValidatorTests() => _validator = new ChargeRequestValidator(_time, Options.Create(new PaymentRequestOptions()));

    [Fact]
    public void A_complete_request_is_valid()
    {
        ValidatedCharge? sale = _validator.Validate(TestSales.Request(), out IReadOnlyDictionary<string, string[]> errors);

        Assert.Empty(errors);
        Assert.NotNull(sale);
        Assert.Equal(49.99m, sale.Amount);
        Assert.Equal(TestSales.Cvv, sale.Card.Cvv);
    }

    [Fact]
    public void An_empty_request_names_every_required_field()
    {
        _validator.Validate(new ChargeRequest(), out IReadOnlyDictionary<string, string[]> errors);

        Assert.Equal(["/amount", "/card", "/currency", "/merchant_transaction_id", "/payer"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_bad_field_is_named_at_once_and_no_message_repeats_card_data()
    {
        ChargeRequest request = TestSales.Request() with
        {
            Amount = 0.5m,
            Currency = "XYZ",
            Card = new CardRequest { Number = "4111111111111112", ExpiryMonth = 13, ExpiryYear = 2031, Cvv = "12", HolderName = "" },
            Payer = new PayerRequest { FirstName = "", LastName = new string('x', 51), Email = "not-an-email", PhoneNumber = "12345" },
            Description = new string('d', 501),
            MerchantOrderId = new string('o', 101),
        };

        _validator.Validate(request, out IReadOnlyDictionary<string, string[]> errors);

        Assert.Equal(
            [
                "/amount", "/card/cvv", "/card/expiry_month", "/card/holder_name", "/card/number", "/currency", "/description",
                "/merchant_order_id", "/payer/email", "/payer/first_name", "/payer/last_name", "/payer/phone_number",
            ],
            errors.Keys.Order(StringComparer.Ordinal));
        string messages = string.Join(" ", errors.Values.SelectMany(m => m));
        Assert.DoesNotContain("4111111111111112", messages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USD", "49.99", true)]
    [InlineData("USD", "49.990", true)]
    [InlineData("USD", "49.999", false)]
    [InlineData("JPY", "1000", true)]
    [InlineData("JPY", "1000.5", false)]
    [InlineData("KWD", "1.125", true)]
    [InlineData("BHD", "1.1255", false)]
    [InlineData("USD", "0.99", false)]
    [InlineData("USD", "999999999", true)]
    [InlineData("USD", "1000000000", false)]
    public void Amounts_respect_limits_and_the_currency_exponent(string currency, string amount, bool valid)
    {
        ChargeRequest request = TestSales.Request() with { Currency = currency, Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) };

        _validator.Validate(request, out IReadOnlyDictionary<string, string[]> errors);

        Assert.Equal(valid, !errors.ContainsKey("/amount"));
    }

    [Fact]
    public void All_fifty_documented_currencies_are_accepted_and_lower_case_is_not()
    {
        Assert.Equal(50, SmartRetryCurrencies.Supported.Count);
        Assert.All(SmartRetryCurrencies.Supported, code =>
        {
            _validator.Validate(TestSales.Request() with { Currency = code, Amount = 100m }, out IReadOnlyDictionary<string, string[]> errors);
            Assert.Empty(errors);
        });
        _validator.Validate(TestSales.Request() with { Currency = "usd" }, out IReadOnlyDictionary<string, string[]> lower);
        Assert.True(lower.ContainsKey("/currency"));
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("5555555555554444", true)]
    [InlineData("378282246310005", true)]
    [InlineData("4111 1111 1111 1111", false)]
    [InlineData("411111111111", false)]
    [InlineData("41111111111111111111", false)]
    [InlineData("4111111111111121", false)]
    public void Card_numbers_need_13_to_19_digits_and_a_valid_check_digit(string number, bool valid)
    {
        ChargeRequest request = TestSales.Request() with { Card = TestSales.Request().Card! with { Number = number } };

        _validator.Validate(request, out IReadOnlyDictionary<string, string[]> errors);

        Assert.Equal(valid, !errors.ContainsKey("/card/number"));
    }

    [Theory]
    [InlineData(11, 2026, true)]
    [InlineData(10, 2026, false)]
    [InlineData(12, 2025, false)]
    public void A_card_is_valid_through_its_expiry_month(int month, int year, bool valid)
    {
        ChargeRequest request = TestSales.Request() with { Card = TestSales.Request().Card! with { ExpiryMonth = month, ExpiryYear = year } };

        _validator.Validate(request, out IReadOnlyDictionary<string, string[]> errors);

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void A_missing_cvv_is_allowed()
    {
        ChargeRequest request = TestSales.Request() with { Card = TestSales.Request().Card! with { Cvv = null } };

        Assert.NotNull(_validator.Validate(request, out _));
    }

    [Theory]
    [InlineData(-60, false)]
    [InlineData(0, false)]
    [InlineData(60, true)]
    [InlineData(60 * 24 * 364, true)]
    [InlineData(60 * 24 * 366, false)]
    public void Scheduled_at_must_be_in_the_future_and_within_the_horizon(int minutesFromNow, bool valid)
    {
        ChargeRequest request = TestSales.Request() with { ScheduledAt = TestSales.Now.AddMinutes(minutesFromNow) };

        _validator.Validate(request, out IReadOnlyDictionary<string, string[]> errors);

        Assert.Equal(valid, !errors.ContainsKey("/scheduled_at"));
    }

    [Fact]
    public void A_sale_scheduled_after_the_card_expires_is_rejected()
    {
        ChargeRequest request = TestSales.Request() with
        {
            Card = TestSales.Request().Card! with { ExpiryMonth = 12, ExpiryYear = 2026 },
            ScheduledAt = new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero),
        };

        _validator.Validate(request, out IReadOnlyDictionary<string, string[]> errors);

        Assert.Contains("/scheduled_at", errors.Keys);
    }

    [Fact]
    public void Request_ToString_never_shows_the_card()
    {
        string text = TestSales.Request().ToString();

        Assert.All(TestSales.Secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
    }
}
