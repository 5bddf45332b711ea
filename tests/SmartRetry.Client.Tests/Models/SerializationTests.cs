using System.Text.Json;
using SmartRetry.Client.Models;
using SmartRetry.Client.Payments;
using SmartRetry.Client.Recurring;
using SmartRetry.Client.Serialization;
using SmartRetry.Client.Tests.Support;

namespace SmartRetry.Client.Tests.Models;

public sealed class SerializationTests
{
    [Theory]
    [InlineData("USD", "49.9", "49.90")]
    [InlineData("USD", "49.990", "49.99")]
    [InlineData("JPY", "1000", "1000")]
    [InlineData("JPY", "1000.00", "1000")]
    [InlineData("KWD", "1.5", "1.500")]
    [InlineData("BHD", "12", "12.000")]
    [InlineData("CLP", "5000", "5000")]
    public void Amounts_are_written_in_major_units_with_the_currency_exponent(string currency, string amount, string expected)
    {
        PaymentRequest sale = Requests.Sale() with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency = currency };

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(sale, SmartRetryJson.Options));

        Assert.Equal(expected, json.RootElement.GetProperty("amount").GetRawText());
    }

    [Fact]
    public void The_fifty_documented_currencies_are_supported()
    {
        Assert.Equal(50, SmartRetryCurrencies.Supported.Count);
        Assert.True(SmartRetryCurrencies.TryGetExponent("UGX", out int ugx));
        Assert.Equal(0, ugx);
        Assert.False(SmartRetryCurrencies.IsSupported("XYZ"));
    }

    [Fact]
    public void Unknown_enum_values_and_properties_read_without_failing()
    {
        var details = JsonSerializer.Deserialize<TransactionDetails>(
            """{"type":"instant_payout","status":{"status":"REVERSED","reasonCode":"X.NEW_CODE"},"brand_new":{"a":1}}""",
            SmartRetryJson.Options)!;

        Assert.Equal(TransactionType.Unrecognized, details.Type);
        Assert.Equal(TransactionState.Unrecognized, details.Status!.State);
        Assert.Equal("X.NEW_CODE", details.Status.ReasonCode);
    }

    [Theory]
    [InlineData("""{"recurring_id":"RC9F4A2B","accepted":true}""")]
    [InlineData("""{"recurring_id":"RC9F4A2B","updated":true}""")]
    [InlineData("""{"recurring_id":"RC9F4A2B","cancelled":true}""")]
    public void Accepted_updated_and_cancelled_all_read_as_accepted(string json)
    {
        Assert.True(JsonSerializer.Deserialize<RecurringChangeResult>(json, SmartRetryJson.Options)!.Accepted);
    }

    [Fact]
    public void A_false_flag_reads_as_not_accepted()
    {
        Assert.False(JsonSerializer.Deserialize<RecurringChangeResult>("""{"cancelled":false}""", SmartRetryJson.Options)!.Accepted);
    }

    [Fact]
    public void Nested_issuer_wins_over_nothing_and_dotted_keys_fill_in()
    {
        var nested = JsonSerializer.Deserialize<CardProfile>("""{"issuer":{"name":"Nested Bank"},"brand":{"name":"Amex"}}""", SmartRetryJson.Options)!;
        var dotted = JsonSerializer.Deserialize<CardProfile>("""{"issuer.name":"Dotted Bank","brand.name":"Visa"}""", SmartRetryJson.Options)!;

        Assert.Equal("Nested Bank", nested.Issuer!.Name);
        Assert.Equal("Amex", nested.Brand!.Name);
        Assert.Equal("Dotted Bank", dotted.Issuer!.Name);
        Assert.Equal("Visa", dotted.Brand!.Name);
    }

    [Fact]
    public void ToString_masks_the_card_number_and_the_cvv()
    {
        PaymentRequest sale = Requests.Sale();

        string text = sale.ToString();

        Assert.DoesNotContain(TestCards.Visa, text, StringComparison.Ordinal);
        Assert.DoesNotContain("CVV = 123", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2027", text, StringComparison.Ordinal);
        Assert.Contains("****1111", text, StringComparison.Ordinal);
        Assert.Contains("order-42", text, StringComparison.Ordinal);
        Assert.Contains("jane.doe@example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Recurring_requests_mask_the_cvv_and_the_card()
    {
        var init = new RecurringInitRequest
        {
            Amount = 10m,
            Currency = "EUR",
            Recurring = new RecurringSchedule { ManagedBy = RecurringManagement.Merchant },
            PaymentInstrument = new PaymentInstrument { CardNumber = TestCards.Visa, ExpiryMonth = 12, ExpiryYear = 2027 },
            Cvv = "987",
        };
        var charge = new RecurringChargeRequest { RecurringId = "RC9F4A2B", Cvv = "987" };

        Assert.DoesNotContain(TestCards.Visa, init.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("987", init.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("987", charge.ToString(), StringComparison.Ordinal);
        Assert.Contains("RC9F4A2B", charge.ToString(), StringComparison.Ordinal);
    }
}
