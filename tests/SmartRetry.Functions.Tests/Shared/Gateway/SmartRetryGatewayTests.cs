using System.Net;
using System.Net.Sockets;
using System.Text;
using SmartRetry.Client.Errors;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Tests.Sales;

namespace SmartRetry.Functions.Tests.Shared.Gateway;

public sealed class SmartRetryGatewayTests : IDisposable
{
    private const string StatusPath = "/v1/payments/status/TERM01/TXN12345";
    private const string RefundPath = "/v1/payments/refund/TERM01";
    private const string SaleAnswer = """{"transaction_id":"TXN12345","order_id":"ORD12345","merchant_transaction_id":"order-42","accepted":true}""";

    private readonly GatewayHarness harness = new();

    [Fact]
    public async Task A_sale_posts_the_card_under_the_order_with_the_callers_idempotency_key()
    {
        harness.Respond(GatewayHarness.SalePath, 200, SaleAnswer);

        PaymentSubmissionResult result = await harness.Gateway.SubmitSaleAsync(GatewayHarness.Sale("sale-pay_123"), CancellationToken.None);

        Assert.Equal(new PaymentSubmissionResult(Accepted: true, "TXN12345", "ORD12345", Replayed: false), result);
        var request = Assert.Single(harness.Requests);
        Assert.Equal("POST", request.RequestMessage!.Method);
        Assert.Equal(GatewayHarness.SalePath, request.RequestMessage.Path);
        Assert.Equal(GatewayHarness.ApiKey, GatewayHarness.Header(request, "x-api-key"));
        Assert.Equal("sale-pay_123", GatewayHarness.Header(request, "Idempotency-Key"));
        Assert.Equal(GatewayHarness.GoldenRequest("sale"), Encoding.UTF8.GetString(request.RequestMessage.BodyData!.BodyAsBytes!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_card_without_a_cvv_sends_no_cvv_property(string? cvv)
    {
        harness.Respond(GatewayHarness.SalePath, 200, SaleAnswer);

        await harness.Gateway.SubmitSaleAsync(GatewayHarness.Sale(cvv: cvv), CancellationToken.None);

        string body = Encoding.UTF8.GetString(Assert.Single(harness.Requests).RequestMessage!.BodyData!.BodyAsBytes!);
        Assert.DoesNotContain("\"cvv\"", body, StringComparison.Ordinal);
        Assert.Contains("\"card_number\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task Replayed_comes_from_the_idempotency_replayed_header(string header, bool replayed)
    {
        harness.Respond(GatewayHarness.SalePath, 200, SaleAnswer, ("Idempotency-Replayed", header));

        PaymentSubmissionResult result = await harness.Gateway.SubmitSaleAsync(GatewayHarness.Sale(), CancellationToken.None);

        Assert.Equal(replayed, result.Replayed);
    }

    [Fact]
    public async Task A_decline_is_an_answer_not_an_error()
    {
        harness.Respond(GatewayHarness.SalePath, 200, """{"transaction_id":"TXN12345","order_id":"ORD12345","accepted":false}""");

        PaymentSubmissionResult result = await harness.Gateway.SubmitSaleAsync(GatewayHarness.Sale(), CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Equal("TXN12345", result.TransactionId);
    }

    [Fact]
    public async Task A_refund_posts_the_original_references_and_the_exact_amount_with_the_callers_idempotency_key()
    {
        harness.Respond(RefundPath, 200, """{"transaction_id":"TXREF001","order_id":"ORD12345","merchant_transaction_id":"rf-1","accepted":true}""", ("Idempotency-Replayed", "true"));

        PaymentSubmissionResult result = await harness.Gateway.RefundAsync(Refund("refund-submit-key"), CancellationToken.None);

        Assert.Equal(new PaymentSubmissionResult(Accepted: true, "TXREF001", "ORD12345", Replayed: true), result);
        var request = Assert.Single(harness.Requests);
        Assert.Equal("POST", request.RequestMessage!.Method);
        Assert.Equal("refund-submit-key", GatewayHarness.Header(request, "Idempotency-Key"));
        Assert.Equal(
            """{"transaction_reference_id":"TXN12345","order_reference_id":"ORD12345","merchant_transaction_id":"rf-1","amount":12.50,"currency":"USD"}""",
            Encoding.UTF8.GetString(request.RequestMessage.BodyData!.BodyAsBytes!));
    }

    [Theory]
    [InlineData(400, "REFUND_AMOUNT_EXCEEDED")]
    [InlineData(409, "ORIGINAL_TRANSACTION_NOT_APPROVED")]
    [InlineData(400, "FULL_REFUND_ALREADY_PROCESSED")]
    [InlineData(422, "REFUND_NOT_ALLOWED_CHARGEBACK")]
    [InlineData(404, "TRANSACTION_NOT_FOUND")]
    public async Task A_refused_refund_becomes_a_rejection_with_status_and_reason(int status, string reasonCode)
    {
        harness.Respond(RefundPath, status, Problem(status, reasonCode, "refused"));

        PaymentSubmissionResult result = await harness.Gateway.RefundAsync(Refund(), CancellationToken.None);

        Assert.Equal(PaymentSubmissionResult.Refused(new PaymentRejection(reasonCode, status)), result);
    }

    [Theory]
    [InlineData(500, "INTERNAL_ERROR", typeof(SmartRetryApiException))]
    [InlineData(503, "RESOURCE_LOCKED", typeof(SmartRetryApiException))]
    [InlineData(429, "RATE_LIMIT_EXCEEDED", typeof(SmartRetryRateLimitException))]
    public async Task A_transient_refund_failure_propagates_unchanged_with_the_same_key(int status, string reasonCode, Type expected)
    {
        harness.Respond(RefundPath, status, Problem(status, reasonCode, "try again"), ("Retry-After", "1"));

        var error = await Assert.ThrowsAnyAsync<SmartRetryException>(() => harness.Gateway.RefundAsync(Refund("refund-key-9"), CancellationToken.None));

        Assert.IsType(expected, error);
        Assert.Equal("refund-key-9", error.IdempotencyKey);
    }

    [Fact]
    public async Task A_refund_below_SmartRetrys_minimum_is_refused_before_anything_is_sent()
    {
        PaymentSubmissionResult result = await harness.Gateway.RefundAsync(Refund() with { Amount = 0.5m }, CancellationToken.None);

        Assert.Equal(new PaymentRejection("INVALID_AMOUNT", 400), result.Rejection);
        Assert.Empty(harness.Requests);
    }

    [Theory]
    [InlineData("APPROVED", SmartRetryStatus.Approved)]
    [InlineData("PROCESSING", SmartRetryStatus.Processing)]
    [InlineData("DECLINED", SmartRetryStatus.Declined)]
    [InlineData("ERROR", SmartRetryStatus.Error)]
    [InlineData("CANCELLED", SmartRetryStatus.Cancelled)]
    [InlineData("UNKNOWN", SmartRetryStatus.Unknown)]
    [InlineData("ON_HOLD", SmartRetryStatus.Unknown)]
    public async Task Each_SmartRetry_status_maps_to_ours(string smartRetryStatus, SmartRetryStatus expected)
    {
        harness.Respond(StatusPath, 200, GatewayHarness.StatusBody(smartRetryStatus));

        TransactionSnapshot snapshot = await harness.Gateway.GetTransactionAsync("TXN12345", CancellationToken.None);

        Assert.Equal(expected, snapshot.Status);
        var request = Assert.Single(harness.Requests);
        Assert.Equal("GET", request.RequestMessage!.Method);
        Assert.Null(GatewayHarness.Header(request, "Idempotency-Key"));
    }

    [Theory]
    [InlineData("""{"brand":{"name":"Visa"}}""")]
    [InlineData("""{"brand.name":"Visa"}""")]
    public async Task A_snapshot_carries_reason_attempt_and_the_tokenized_card(string cardProfile)
    {
        harness.Respond(StatusPath, 200, GatewayHarness.StatusBody("DECLINED", cardProfile));

        TransactionSnapshot snapshot = await harness.Gateway.GetTransactionAsync("TXN12345", CancellationToken.None);

        Assert.Equal(
            new TransactionSnapshot("TXN12345", SmartRetryStatus.Declined, "PAYER_ACCOUNT.INSUFFICIENT_FUNDS", "PAYER_ACCOUNT", 3, new("tok_visa_1111", "1111", "411111", "Visa")),
            snapshot);
    }

    [Fact]
    public async Task A_status_without_status_object_or_instrument_reads_as_unknown_without_card()
    {
        harness.Respond(StatusPath, 200, """{"transaction_id":"TXN12345","type":"sale"}""");

        TransactionSnapshot snapshot = await harness.Gateway.GetTransactionAsync("TXN12345", CancellationToken.None);

        Assert.Equal(new TransactionSnapshot("TXN12345", SmartRetryStatus.Unknown, null, null, null, null), snapshot);
    }

    [Theory]
    [InlineData(400, "INVALID_CARD_NUMBER")]
    [InlineData(400, "TRANSACTION_NOT_FOUND")]
    [InlineData(401, "INVALID_API_KEY")]
    [InlineData(403, "TERMINAL_NOT_FOUND")]
    [InlineData(404, "TRANSACTION_NOT_FOUND")]
    [InlineData(409, "IDEMPOTENCY_CONFLICT")]
    [InlineData(422, "TRANSACTION_ALREADY_CAPTURED")]
    public async Task A_refusal_is_a_sales_rejection_and_a_status_reads_exception_with_status_and_reason(int status, string reasonCode)
    {
        harness.Respond(GatewayHarness.SalePath, status, Problem(status, reasonCode, "refused"));
        harness.Respond(StatusPath, status, Problem(status, reasonCode, "refused"));

        PaymentSubmissionResult sale = await harness.Gateway.SubmitSaleAsync(GatewayHarness.Sale(), CancellationToken.None);
        var read = await Assert.ThrowsAsync<SmartRetryRejectedException>(() => harness.Gateway.GetTransactionAsync("TXN12345", CancellationToken.None));

        Assert.Equal(PaymentSubmissionResult.Refused(new PaymentRejection(reasonCode, status)), sale);
        Assert.Equal((status, reasonCode), (read.StatusCode, read.ReasonCode));
        Assert.Contains(reasonCode, read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_the_client_refuses_to_send_is_a_400_rejection_naming_the_field()
    {
        PaymentSubmissionResult result = await harness.Gateway.SubmitSaleAsync(GatewayHarness.Sale(amount: 0.5m), CancellationToken.None);

        Assert.Equal(new PaymentRejection("INVALID_AMOUNT", 400), result.Rejection);
        Assert.Contains(harness.GatewayLogger.Collector.GetSnapshot(), record => record.Message.Contains("amount", StringComparison.Ordinal));
        Assert.Empty(harness.Requests);
    }

    [Theory]
    [InlineData(500, "INTERNAL_ERROR", typeof(SmartRetryApiException))]
    [InlineData(503, "RESOURCE_LOCKED", typeof(SmartRetryApiException))]
    [InlineData(429, "RATE_LIMIT_EXCEEDED", typeof(SmartRetryRateLimitException))]
    public async Task A_transient_failure_propagates_unchanged_with_the_same_key(int status, string reasonCode, Type expected)
    {
        harness.Respond(GatewayHarness.SalePath, status, Problem(status, reasonCode, "try again"), ("Retry-After", "1"));

        var error = await Assert.ThrowsAnyAsync<SmartRetryException>(() => harness.Gateway.SubmitSaleAsync(GatewayHarness.Sale("sale-pay_9"), CancellationToken.None));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("sale-pay_9", error.IdempotencyKey);
    }

    [Fact]
    public async Task An_unreachable_SmartRetry_propagates_as_a_transport_failure()
    {
        // Bound but never listening: connections are refused, and no server started in parallel can take the port.
        using var refusing = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        refusing.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var unreachable = new GatewayHarness(new Uri($"http://127.0.0.1:{((IPEndPoint)refusing.LocalEndPoint!).Port}"));

        await Assert.ThrowsAsync<SmartRetryTransportException>(() => unreachable.Gateway.SubmitSaleAsync(GatewayHarness.Sale(), CancellationToken.None));
    }

    [Fact]
    public async Task No_rejection_message_or_log_line_contains_the_card_even_when_SmartRetry_echoes_it()
    {
        string echo = $"card_number {TestSales.CardNumber} failed Luhn; cvv {TestSales.Cvv}; expiry {TestSales.ExpiryMonth:00}/{TestSales.ExpiryYear % 100} {TestSales.ExpiryYear}";
        harness.Respond(GatewayHarness.SalePath, 400, $$$"""
            {"type":"https://api.smartretry.com/errors/validation","title":"Invalid card","status":400,"detail":"{{{echo}}}",
             "reason_code":"INVALID_CARD_NUMBER","context":{"field":"{{{TestSales.CardNumber}}}","value":"{{{TestSales.CardNumber}}}"}}
            """);

        harness.Respond(StatusPath, 400, $$$"""
            {"type":"https://api.smartretry.com/errors/validation","title":"Invalid","status":400,"detail":"{{{echo}}}","reason_code":"TRANSACTION_NOT_FOUND"}
            """);

        PaymentSubmissionResult fromServer = await harness.Gateway.SubmitSaleAsync(GatewayHarness.Sale(), CancellationToken.None);
        PaymentSubmissionResult fromClient = await harness.Gateway.SubmitSaleAsync(GatewayHarness.Sale(cardNumber: "4111111111111112"), CancellationToken.None);
        var fromRead = await Assert.ThrowsAsync<SmartRetryRejectedException>(() => harness.Gateway.GetTransactionAsync("TXN12345", CancellationToken.None));

        Assert.Equal("INVALID_CARD_NUMBER", fromServer.Rejection!.ReasonCode);
        Assert.Equal("INVALID_CARD_NUMBER", fromClient.Rejection!.ReasonCode);
        Assert.Equal("TRANSACTION_NOT_FOUND", fromRead.ReasonCode);
        Assert.NotEmpty(harness.GatewayLogger.Collector.GetSnapshot());
        string[] texts = [fromServer.ToString(), fromClient.ToString(), fromRead.ToString(), .. harness.LogText()];
        foreach (string secret in TestSales.Secrets.Append("4111111111111112"))
        {
            Assert.All(texts, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }

    public void Dispose() => harness.Dispose();

    private static RefundSubmission Refund(string idempotencyKey = "refund-key-1") =>
        new("refund-1", idempotencyKey, "TXN12345", "ORD12345", "rf-1", 12.50m, "USD");

    private static string Problem(int status, string reasonCode, string detail) =>
        $$"""{"type":"https://api.smartretry.com/errors/x","title":"t","status":{{status}},"detail":"{{detail}}","reason_code":"{{reasonCode}}"}""";
}
