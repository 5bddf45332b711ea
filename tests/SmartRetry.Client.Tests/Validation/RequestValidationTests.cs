using SmartRetry.Client.Errors;
using SmartRetry.Client.FutureTransactions;
using SmartRetry.Client.Models;
using SmartRetry.Client.Payments;
using SmartRetry.Client.Recurring;
using SmartRetry.Client.Tests.Support;

namespace SmartRetry.Client.Tests.Validation;

/// <summary>Bad requests are refused before any network call, naming the field and SmartRetry's reason code.</summary>
public sealed class RequestValidationTests : IClassFixture<ApiServer>, IDisposable
{
    private readonly ApiServer server;
    private readonly ClientHarness harness;

    public RequestValidationTests(ApiServer server)
    {
        this.server = server;
        server.Reset();
        server.Respond("/v1/payments/sale/TERM01", 200, Golden.Response("sale"));
        harness = new ClientHarness(server);
    }

    public static TheoryData<string, string, string> InvalidSales => new()
    {
        { "amount below 1", "amount", "INVALID_AMOUNT" },
        { "amount above max", "amount", "INVALID_AMOUNT" },
        { "too many decimals", "amount", "INVALID_AMOUNT" },
        { "decimals on JPY", "amount", "INVALID_AMOUNT" },
        { "unknown currency", "currency", "INVALID_CURRENCY" },
        { "lower-case currency", "currency", "INVALID_CURRENCY" },
        { "short card", "order.payment_instrument.card_number", "INVALID_CARD_NUMBER" },
        { "long card", "order.payment_instrument.card_number", "INVALID_CARD_NUMBER" },
        { "letters in card", "order.payment_instrument.card_number", "INVALID_CARD_NUMBER" },
        { "Luhn failure", "order.payment_instrument.card_number", "INVALID_CARD_NUMBER" },
        { "month 13", "order.payment_instrument.expiry_month", "INVALID_EXPIRY" },
        { "year 2100", "order.payment_instrument.expiry_year", "INVALID_EXPIRY" },
        { "expired card", "order.payment_instrument.expiry_year", "INVALID_EXPIRY" },
        { "no card and no token", "order.payment_instrument", "MISSING_REQUIRED_FIELD" },
        { "card and token", "order.payment_instrument", "INVALID_FIELD" },
        { "two-digit cvv", "cvv", "INVALID_FIELD" },
        { "missing merchant id", "merchant_transaction_id", "MISSING_REQUIRED_FIELD" },
        { "long merchant id", "merchant_transaction_id", "INVALID_FIELD" },
        { "bad email", "order.payer.email", "INVALID_FIELD" },
        { "bad phone", "order.payer.phone_number", "INVALID_FIELD" },
        { "short order id", "order_id", "INVALID_FIELD" },
    };

    [Theory]
    [MemberData(nameof(InvalidSales))]
    public async Task An_invalid_sale_is_refused_naming_the_field_and_nothing_is_sent(string violation, string field, string reasonCode)
    {
        PaymentRequest request = Break(Requests.Sale(), violation);

        var failure = await Assert.ThrowsAsync<SmartRetryValidationException>(() => harness.Client.Payments.SaleAsync(request));

        Assert.Equal(field, failure.Field);
        Assert.Equal(reasonCode, failure.ReasonCode);
        Assert.Null(failure.StatusCode);
        Assert.Contains(field, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCards.Visa[..12], failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("dots.not.allowed")]
    public async Task An_invalid_idempotency_key_is_refused(string key)
    {
        var failure = await Assert.ThrowsAsync<SmartRetryValidationException>(() => harness.Client.Payments.SaleAsync(Requests.Sale(), key));

        Assert.Equal("INVALID_IDEMPOTENCY_KEY", failure.ReasonCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_idempotency_key_of_255_characters_is_accepted_and_256_is_not()
    {
        await harness.Client.Payments.SaleAsync(Requests.Sale(), new string('k', 255));

        await Assert.ThrowsAsync<SmartRetryValidationException>(() => harness.Client.Payments.SaleAsync(Requests.Sale(), new string('k', 256)));
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("5555555555554444")]
    [InlineData("378282246310005")]
    [InlineData("4222222222222")]
    public async Task Valid_card_numbers_of_every_length_pass(string cardNumber)
    {
        PaymentRequest request = Requests.Sale() with
        {
            Order = Requests.Sale().Order! with { PaymentInstrument = Requests.Sale().Order!.PaymentInstrument! with { CardNumber = cardNumber } },
        };

        await harness.Client.Payments.SaleAsync(request);

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_current_month_is_not_expired()
    {
        PaymentRequest request = Requests.Sale() with
        {
            Order = Requests.Sale().Order! with { PaymentInstrument = Requests.Sale().Order!.PaymentInstrument! with { ExpiryMonth = 4, ExpiryYear = 2026 } },
        };

        await harness.Client.Payments.SaleAsync(request);

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Reference_ids_must_be_eight_characters()
    {
        var failure = await Assert.ThrowsAsync<SmartRetryValidationException>(() => harness.Client.Payments.CaptureAsync(
            new CaptureRequest { TransactionReferenceId = "TX8A3F2", OrderReferenceId = "OR7B9E1D" }));

        Assert.Equal("transaction_reference_id", failure.Field);
    }

    [Fact]
    public async Task A_transaction_id_in_the_path_is_validated()
    {
        var failure = await Assert.ThrowsAsync<SmartRetryValidationException>(() => harness.Client.Payments.GetStatusAsync("../../x"));

        Assert.Equal("transaction_id", failure.Field);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_platform_managed_series_needs_its_schedule()
    {
        var request = new RecurringInitRequest
        {
            Amount = 10m,
            Currency = "EUR",
            Recurring = new RecurringSchedule { ManagedBy = RecurringManagement.OurPlatform },
            Token = new string('t', 88),
            PayerFingerprint = new string('p', 88),
        };

        var failure = await Assert.ThrowsAsync<SmartRetryValidationException>(() => harness.Client.Recurring.InitAsync(request));

        Assert.Equal("recurring.first_payment_date", failure.Field);
    }

    [Fact]
    public async Task A_series_needs_a_payer_or_a_payer_fingerprint()
    {
        var request = new RecurringInitRequest
        {
            Amount = 10m,
            Currency = "EUR",
            Recurring = new RecurringSchedule { ManagedBy = RecurringManagement.Merchant },
            Token = new string('t', 88),
        };

        var failure = await Assert.ThrowsAsync<SmartRetryValidationException>(() => harness.Client.Recurring.InitAsync(request));

        Assert.Equal("payer", failure.Field);
        Assert.Equal("MISSING_REQUIRED_FIELD", failure.ReasonCode);
    }

    [Fact]
    public async Task An_update_with_a_zero_interval_is_refused()
    {
        var failure = await Assert.ThrowsAsync<SmartRetryValidationException>(() => harness.Client.Recurring.UpdateAsync(
            new RecurringUpdateRequest { RecurringId = "RC9F4A2B", TimeInterval = 0 }));

        Assert.Equal("time_interval", failure.Field);
    }

    [Fact]
    public async Task A_future_charge_override_must_be_at_least_one()
    {
        var failure = await Assert.ThrowsAsync<SmartRetryValidationException>(() => harness.Client.FutureTransactions.ChargeAsync(
            new FutureTransactionChargeRequest { FutureTransactionId = "FT3D8E1C", RecurringId = "RC9F4A2B", Amount = 0.5m }));

        Assert.Equal("amount", failure.Field);
        Assert.Equal("INVALID_AMOUNT", failure.ReasonCode);
    }

    private static PaymentRequest Break(PaymentRequest sale, string violation)
    {
        OrderDetails order = sale.Order!;
        PaymentInstrument card = order.PaymentInstrument!;
        PaymentRequest WithCard(PaymentInstrument broken) => sale with { Order = order with { PaymentInstrument = broken } };
        return violation switch
        {
            "amount below 1" => sale with { Amount = 0.99m },
            "amount above max" => sale with { Amount = 1_000_000_000m },
            "too many decimals" => sale with { Amount = 49.999m },
            "decimals on JPY" => sale with { Amount = 100.5m, Currency = "JPY" },
            "unknown currency" => sale with { Currency = "XYZ" },
            "lower-case currency" => sale with { Currency = "usd" },
            "short card" => WithCard(card with { CardNumber = "411111111111" }),
            "long card" => WithCard(card with { CardNumber = "41111111111111111111" }),
            "letters in card" => WithCard(card with { CardNumber = "4111-1111-1111-1111" }),
            "Luhn failure" => WithCard(card with { CardNumber = "4111111111111112" }),
            "month 13" => WithCard(card with { ExpiryMonth = 13 }),
            "year 2100" => WithCard(card with { ExpiryYear = 2100 }),
            "expired card" => WithCard(card with { ExpiryMonth = 3, ExpiryYear = 2026 }),
            "no card and no token" => sale with { Order = order with { PaymentInstrument = null } },
            "card and token" => sale with { Token = new string('t', 88) },
            "two-digit cvv" => sale with { Cvv = "12" },
            "missing merchant id" => sale with { MerchantTransactionId = " " },
            "long merchant id" => sale with { MerchantTransactionId = new string('m', 101) },
            "bad email" => sale with { Order = order with { Payer = order.Payer! with { Email = "jane.example.com" } } },
            "bad phone" => sale with { Order = order with { Payer = order.Payer! with { PhoneNumber = "2125551234" } } },
            "short order id" => sale with { OrderId = "OR7" },
            _ => throw new ArgumentOutOfRangeException(nameof(violation), violation, null),
        };
    }

    public void Dispose() => harness.Dispose();
}
