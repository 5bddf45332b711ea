using System.Text.Json.Nodes;
using SmartRetry.Client;
using SmartRetry.Client.Errors;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.Shared.Gateway;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SmartRetry.Functions.Tests.Shared.Series;

/// <summary>The exact requests the recurring gateway sends, against a WireMock loopback server.</summary>
public sealed class SmartRetryRecurringGatewayWireTests : IDisposable
{
    private const string InitPath = "/v1/payments/recurring/init/TERM01";
    private const string InitAnswer = """{"transaction_id":"TX000001","order_id":"OR000001","recurring_id":"RC000001","accepted":true}""";

    private readonly WireMockServer server = WireMockServer.Start();
    private readonly HttpClient http = new();
    private readonly SmartRetryRecurringGateway gateway;

    public SmartRetryRecurringGatewayWireTests()
    {
        var options = new SmartRetryClientOptions { BaseUrl = new Uri(server.Url!), ApiKey = "sk_test_wire", TerminalId = "TERM01", Retry = { MaxAttempts = 1 } };
        gateway = new SmartRetryRecurringGateway(new SmartRetryClient(http, options));
    }

    [Fact]
    public async Task Merchant_init_sends_card_payer_and_cvv_at_the_top_level_only_managed_by_and_the_callers_key()
    {
        Respond(InitPath, 200, InitAnswer);

        RecurringInitReply result = await gateway.InitRecurringAsync(Submission("series-1-init", SeriesManagement.Merchant, schedule: null), CancellationToken.None);

        ILogEntry request = Assert.Single(server.LogEntries);
        JsonNode body = JsonNode.Parse(request.RequestMessage!.Body!)!;
        Assert.Equal("series-1-init", request.RequestMessage!.Headers!["Idempotency-Key"].Single());
        Assert.Equal("""{"managed_by":"merchant"}""", body["recurring"]!.ToJsonString());
        Assert.Equal("4111111111111111", (string?)body["payment_instrument"]!["card_number"]);
        Assert.Equal(12, (int?)body["payment_instrument"]!["expiry_month"]);
        Assert.Equal("737", (string?)body["cvv"]);
        Assert.Equal("jane.doe@example.com", (string?)body["payer"]!["email"]);
        Assert.Equal(49.90m, (decimal?)body["amount"]);
        Assert.Equal(new RecurringInitReply(true, "TX000001", "OR000001", "RC000001"), result);
    }

    [Fact]
    public async Task Platform_init_sends_the_schedule_in_SmartRetrys_terms()
    {
        Respond(InitPath, 200, InitAnswer);
        var schedule = new SeriesSchedule(new DateOnly(2026, 5, 1), RecurrenceFrequency.Weekly, 2, NumberOfPayments: 12, CancellationDate: new DateOnly(2027, 1, 1));

        await gateway.InitRecurringAsync(Submission("series-2-init", SeriesManagement.OurPlatform, schedule), CancellationToken.None);

        JsonNode recurring = JsonNode.Parse(Assert.Single(server.LogEntries).RequestMessage!.Body!)!["recurring"]!;
        Assert.Equal(
            """{"managed_by":"our_platform","first_payment_date":"2026-05-01","recurring_date_type":"weekly","time_interval":2,"number_of_payments":12,"cancellation_date":"2027-01-01"}""",
            recurring.ToJsonString());
    }

    [Fact]
    public async Task Future_transaction_cancel_carries_the_callers_key_and_both_ids()
    {
        Respond("/v1/payments/recurring/future-transactions/cancel/TERM01", 200, """{"future_transaction_id":"FT000001","recurring_id":"RC000001","cancelled":true}""");

        bool cancelled = await gateway.CancelFutureTransactionAsync("skip-ft-1", "FT000001", "RC000001", CancellationToken.None);

        ILogEntry request = Assert.Single(server.LogEntries);
        Assert.True(cancelled);
        Assert.Equal("skip-ft-1", request.RequestMessage!.Headers!["Idempotency-Key"].Single());
        Assert.Equal("""{"future_transaction_id":"FT000001","recurring_id":"RC000001"}""", JsonNode.Parse(request.RequestMessage!.Body!)!.ToJsonString());
    }

    [Theory]
    [InlineData(400, "INVALID_FIELD_VALUE")]
    [InlineData(401, "INVALID_API_KEY")]
    [InlineData(403, "TERMINAL_NOT_FOUND")]
    [InlineData(409, "RECURRING_NOT_ACTIVE")]
    public async Task Refusals_become_rejections_carrying_status_and_reason_without_the_request_values(int status, string reason)
    {
        Respond("/v1/payments/recurring/charge/TERM01", status, $$$"""{"status":{{{status}}},"reason_code":"{{{reason}}}","detail":"amount 12.34 refused","context":{"field":"amount","value":"12.34"}}""");

        SmartRetryRejectedException rejected = await Assert.ThrowsAsync<SmartRetryRejectedException>(
            () => gateway.ChargeRecurringAsync(new RecurringChargeSubmission("charge-key", "RC000001", 12.34m, "USD"), CancellationToken.None));

        Assert.Equal((status, reason), (rejected.StatusCode, rejected.ReasonCode));
        Assert.DoesNotContain("12.34", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_propagates_unchanged_so_the_activity_retries_with_the_same_key()
    {
        Respond("/v1/payments/recurring/charge/TERM01", 503, """{"status":503,"reason_code":"SERVICE_UNAVAILABLE"}""");

        SmartRetryApiException failure = await Assert.ThrowsAsync<SmartRetryApiException>(
            () => gateway.ChargeRecurringAsync(new RecurringChargeSubmission("charge-key", "RC000001", 10m, "USD"), CancellationToken.None));

        Assert.Equal("charge-key", failure.IdempotencyKey);
    }

    [Fact]
    public async Task An_unreachable_SmartRetry_propagates_as_a_transport_failure()
    {
        server.Stop();

        await Assert.ThrowsAsync<SmartRetryTransportException>(
            () => gateway.GetRecurringAsync("RC000001", CancellationToken.None));
    }

    public void Dispose()
    {
        http.Dispose();
        server.Stop();
        server.Dispose();
    }

    private static RecurringInitSubmission Submission(string key, SeriesManagement managedBy, SeriesSchedule? schedule) =>
        new(key, 49.90m, "USD", managedBy, schedule, SimulatorGateway.Card, SimulatorGateway.Payer);

    private void Respond(string path, int status, string body) =>
        server.Given(Request.Create().WithPath(path))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/problem+json").WithBody(body));
}
