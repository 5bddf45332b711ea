using SmartRetry.Client.Models;
using SmartRetry.Client.Payments;
using SmartRetry.Client.Tests.Support;

namespace SmartRetry.Client.Tests.Payments;

public sealed class PaymentsClientTests : IClassFixture<ApiServer>, IDisposable
{
    private readonly ApiServer server;
    private readonly ClientHarness harness;

    public PaymentsClientTests(ApiServer server)
    {
        this.server = server;
        server.Reset();
        harness = new ClientHarness(server);
    }

    private PaymentsClient Payments => harness.Client.Payments;

    [Fact]
    public async Task Sale_posts_the_golden_body_with_key_and_parses_the_documented_answer()
    {
        server.Respond("/v1/payments/sale/TERM01", 200, Golden.Response("sale"), new Dictionary<string, string>
        {
            ["Idempotency-Key"] = "sale-order-42",
            ["Idempotency-Replayed"] = "true",
            ["Idempotency-Expires"] = "2026-04-02T08:00:00.000Z",
            ["X-RateLimit-Limit"] = "100",
            ["X-RateLimit-Remaining"] = "99",
            ["X-RateLimit-Reset"] = "1775044800",
        });

        SmartRetryResponse<PaymentResult> response = await Payments.SaleAsync(Requests.Sale(), "sale-order-42");

        server.Requests.Single().AssertPost("/v1/payments/sale/TERM01", "sale", "sale-order-42");
        Assert.Equal(
            new PaymentResult { TransactionId = "TX8A3F2C", OrderId = "OR7B9E1D", MerchantTransactionId = "order-42", MerchantOrderId = "ord-42", Accepted = true },
            response.Value);
        Assert.True(response.IdempotencyReplayed);
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 8, 0, 0, TimeSpan.Zero), response.IdempotencyExpires);
        Assert.Equal(new RateLimitInfo(100, 99, DateTimeOffset.FromUnixTimeSeconds(1775044800)), response.RateLimit);
        Assert.Equal(1, response.Attempts);
    }

    [Fact]
    public async Task Sale_without_a_key_generates_one_valid_key_per_call()
    {
        server.Respond("/v1/payments/sale/TERM01", 200, Golden.Response("sale"));

        SmartRetryResponse<PaymentResult> first = await Payments.SaleAsync(Requests.Sale());
        SmartRetryResponse<PaymentResult> second = await Payments.SaleAsync(Requests.Sale());

        Assert.Equal([first.IdempotencyKey, second.IdempotencyKey], server.Requests.Select(entry => entry.Header("Idempotency-Key")));
        Assert.NotEqual(first.IdempotencyKey, second.IdempotencyKey);
        Assert.Matches("^[A-Za-z0-9_-]{1,255}$", first.IdempotencyKey);
        Assert.False(first.IdempotencyReplayed);
    }

    [Fact]
    public async Task Preauthorize_posts_the_sale_shape_and_reads_a_decline()
    {
        server.Respond("/v1/payments/preauth/TERM01", 200, Golden.Response("preauth"));

        SmartRetryResponse<PaymentResult> response = await Payments.PreauthorizeAsync(Requests.Sale(), "preauth-42");

        server.Requests.Single().AssertPost("/v1/payments/preauth/TERM01", "sale", "preauth-42");
        Assert.False(response.Value.Accepted);
        Assert.Equal("TX8A3F2C", response.Value.TransactionId);
    }

    [Fact]
    public async Task Capture_posts_references_and_the_amount_as_given()
    {
        server.Respond("/v1/payments/capture/TERM01", 200, Golden.Response("capture"));

        SmartRetryResponse<PaymentResult> response = await Payments.CaptureAsync(
            new CaptureRequest
            {
                TransactionReferenceId = "TX8A3F2C",
                OrderReferenceId = "OR7B9E1D",
                MerchantTransactionId = "order-42-capture",
                Amount = 25.50m,
                Description = "Partial capture",
            },
            "capture-42");

        server.Requests.Single().AssertPost("/v1/payments/capture/TERM01", "capture", "capture-42");
        Assert.Equal("TX5C2D9A", response.Value.TransactionId);
        Assert.True(response.Value.Accepted);
    }

    [Fact]
    public async Task Refund_writes_the_amount_with_the_currency_exponent()
    {
        server.Respond("/v1/payments/refund/TERM01", 200, Golden.Response("refund"));

        SmartRetryResponse<PaymentResult> response = await Payments.RefundAsync(
            new RefundRequest
            {
                TransactionReferenceId = "TX8A3F2C",
                OrderReferenceId = "OR7B9E1D",
                MerchantTransactionId = "order-42-refund",
                Amount = 10m,
                Currency = "USD",
            },
            "refund-42");

        server.Requests.Single().AssertPost("/v1/payments/refund/TERM01", "refund", "refund-42");
        Assert.Equal("TX6D3E0B", response.Value.TransactionId);
    }

    [Fact]
    public async Task Void_posts_the_references_and_reads_an_answer_without_merchant_id()
    {
        server.Respond("/v1/payments/void/TERM01", 200, Golden.Response("void"));

        SmartRetryResponse<PaymentResult> response = await Payments.VoidAsync(
            new VoidRequest { TransactionReferenceId = "TX8A3F2C", OrderReferenceId = "OR7B9E1D" }, "void-42");

        server.Requests.Single().AssertPost("/v1/payments/void/TERM01", "void", "void-42");
        Assert.Equal(new PaymentResult { TransactionId = "TX1E4F7B", OrderId = "OR7B9E1D", Accepted = true }, response.Value);
    }

    [Fact]
    public async Task GetStatus_gets_the_transaction_and_parses_every_documented_field()
    {
        server.Respond("/v1/payments/status/TERM01/TX8A3F2C", 200, Golden.Response("status"));

        TransactionDetails details = (await Payments.GetStatusAsync("TX8A3F2C")).Value;

        server.Requests.Single().AssertGet("/v1/payments/status/TERM01/TX8A3F2C");
        Assert.Equal(TransactionType.Sale, details.Type);
        Assert.Equal(49.99m, details.Amount);
        Assert.Equal(2, details.AttemptNumber);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 14, 25, 40, TimeSpan.Zero), details.UpdatedAt);
        Assert.Equal(TransactionState.Approved, details.Status!.State);
        Assert.Equal("AUTH.APPROVED", details.Status.ReasonCode);
        Assert.Equal("AUTH", details.Status.Domain);
        Assert.Equal("PY4A8C2D", details.Order!.Payer!.FriendlyId);
        Assert.Equal("example.com", details.Order.Payer.EmailDomain);
        PaymentInstrumentSummary card = details.Order.PaymentInstrument!;
        Assert.Equal(PaymentMethod.Cards, card.PaymentMethod);
        Assert.Equal("1111", card.CardLastFourDigits);
        Assert.Equal(new DateTimeOffset(2027, 12, 31, 0, 0, 0, TimeSpan.Zero), card.ExpirationDate);
        Assert.Equal(new NamedValue("Example Bank", "Example Bank N.A."), card.CardProfile!.Issuer);
        Assert.Equal("Visa", card.CardProfile.Brand!.Name);
        Assert.Equal(16, card.CardProfile.PanLength);
        Assert.Equal("credit", card.CardProfile.CardType);
    }

    public void Dispose() => harness.Dispose();
}
