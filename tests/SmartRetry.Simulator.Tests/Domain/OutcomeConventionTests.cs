using System.Text.Json.Nodes;
using SmartRetry.Simulator.Tests.Support;

namespace SmartRetry.Simulator.Tests.Domain;

public class OutcomeConventionTests : IAsyncLifetime
{
    private static readonly string[] RecoveredEvents =
        ["transaction.retry_scheduled", "transaction.retry_attempted", "transaction.retry_scheduled", "transaction.retry_attempted", "transaction.approved"];

    private static readonly string[] ExhaustedEvents =
    [
        "transaction.retry_scheduled", "transaction.retry_attempted", "transaction.retry_scheduled", "transaction.retry_attempted",
        "transaction.retry_scheduled", "transaction.retry_attempted", "transaction.declined",
    ];

    private SimulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Theory]
    [InlineData("49.00", true, "APPROVED", "AUTH.APPROVED", new[] { "transaction.approved" })]
    [InlineData("49.99", true, "APPROVED", "AUTH.APPROVED", new[] { "transaction.approved" })]
    [InlineData("49.01", true, "APPROVED", "AUTH.APPROVED", new[] { "transaction.pending", "transaction.approved" })]
    [InlineData("49.02", true, "DECLINED", "AUTH.GENERIC_ISSUER_DECLINE", new[] { "transaction.pending", "transaction.declined" })]
    [InlineData("49.03", true, "UNKNOWN", "PROCESSOR.UNKNOWN", new string[0])]
    [InlineData("49.04", false, "ERROR", "SYSTEM.INTERNAL_ERROR", new string[0])]
    [InlineData("49.30", false, "DECLINED", "PAYMENT_METHOD.EXPIRED_CARD", new[] { "transaction.declined" })]
    [InlineData("49.31", false, "DECLINED", "RISK.FRAUD_SUSPECTED", new[] { "transaction.declined" })]
    [InlineData("49.32", false, "DECLINED", "PAYER_ACCOUNT.STOLEN_CARD", new[] { "transaction.declined" })]
    [InlineData("49.33", false, "DECLINED", "PAYER_ACCOUNT.LOST_CARD", new[] { "transaction.declined" })]
    [InlineData("49.34", false, "DECLINED", "PAYMENT_METHOD.INVALID_CARD", new[] { "transaction.declined" })]
    public async Task Amount_cents_choose_the_final_outcome(string amount, bool accepted, string finalStatus, string reasonCode, string[] events)
    {
        JsonObject sale = await harness.SaleAsync(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        string id = (string)sale["transaction_id"]!;

        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(3));

        JsonObject status = await harness.TransactionAsync(id);
        Assert.Equal(accepted, (bool)sale["accepted"]!);
        Assert.Equal(finalStatus, (string?)status["status"]!["status"]);
        Assert.Equal(reasonCode, (string?)status["status"]!["reasonCode"]);
        Assert.Equal(1, (int)status["attempt_number"]!);
        Assert.Equal(events, await harness.EventTypesForAsync(id));
    }

    [Fact]
    public async Task A_sale_of_40_cents_is_refused_with_422_and_creates_no_transaction()
    {
        using HttpResponseMessage refused = await harness.PostAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}", Requests.Sale(49.40m, "order-refused"));
        JsonObject problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(422, (int)refused.StatusCode);
        Assert.Equal("PROVIDER_POLICY_VIOLATION", (string?)problem["reason_code"]);
        Assert.Empty(await harness.WebhooksAsync());
        JsonObject approved = await harness.SaleAsync(49.00m, "order-after");
        Assert.Equal("TX000001", (string?)approved["transaction_id"]);
    }

    [Fact]
    public async Task Processing_answers_PROCESSING_until_its_delay_has_passed()
    {
        string id = (string)(await harness.SaleAsync(10.01m))["transaction_id"]!;

        await harness.Simulator.AdvanceAsync(TimeSpan.FromSeconds(119));
        string before = (string)(await harness.TransactionAsync(id))["status"]!["status"]!;
        await harness.Simulator.AdvanceAsync(TimeSpan.FromSeconds(1));
        string after = (string)(await harness.TransactionAsync(id))["status"]!["status"]!;

        Assert.Equal("PROCESSING", before);
        Assert.Equal("APPROVED", after);
    }

    [Theory]
    [InlineData("10.10", "PAYER_ACCOUNT.INSUFFICIENT_FUNDS")]
    [InlineData("10.11", "AUTH.DO_NOT_HONOR")]
    [InlineData("10.12", "PAYMENT_METHOD.CVV_FAILURE")]
    [InlineData("10.13", "AUTH.3DS_CHALLENGE_FAILED")]
    [InlineData("10.14", "PROCESSOR.DUPLICATE_TRANSACTION")]
    [InlineData("10.15", "PROCESSOR.VELOCITY_LIMIT")]
    [InlineData("10.16", "PAYER_ACCOUNT.AMOUNT_LIMIT_EXCEEDED")]
    [InlineData("10.17", "PAYMENT_METHOD.CARD_RESTRICTED")]
    public async Task A_recovered_soft_decline_is_retried_and_approved_on_attempt_three(string amount, string reasonCode)
    {
        JsonObject sale = await harness.SaleAsync(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        string id = (string)sale["transaction_id"]!;
        JsonObject retrying = await harness.TransactionAsync(id);

        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(3));

        JsonObject final = await harness.TransactionAsync(id);
        Assert.True((bool)sale["accepted"]!);
        Assert.Equal("PROCESSING", (string?)retrying["status"]!["status"]);
        Assert.Equal(reasonCode, (string?)retrying["status"]!["reasonCode"]);
        Assert.Equal("APPROVED", (string?)final["status"]!["status"]);
        Assert.Equal(3, (int)final["attempt_number"]!);
        Assert.Equal(RecoveredEvents, await harness.EventTypesForAsync(id));
        int[] attempts = await AttemptNumbersAsync(id);
        Assert.Equal(new[] { 1, 2, 2, 3, 3 }, attempts);
    }

    [Theory]
    [InlineData("10.20", "PAYER_ACCOUNT.INSUFFICIENT_FUNDS")]
    [InlineData("10.21", "AUTH.DO_NOT_HONOR")]
    [InlineData("10.22", "PAYMENT_METHOD.CVV_FAILURE")]
    [InlineData("10.23", "AUTH.3DS_CHALLENGE_FAILED")]
    [InlineData("10.24", "PROCESSOR.DUPLICATE_TRANSACTION")]
    [InlineData("10.25", "PROCESSOR.VELOCITY_LIMIT")]
    [InlineData("10.26", "PAYER_ACCOUNT.AMOUNT_LIMIT_EXCEEDED")]
    [InlineData("10.27", "PAYMENT_METHOD.CARD_RESTRICTED")]
    public async Task An_unrecovered_soft_decline_is_declined_after_four_attempts(string amount, string reasonCode)
    {
        string id = (string)(await harness.SaleAsync(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)))["transaction_id"]!;

        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(3));

        JsonObject final = await harness.TransactionAsync(id);
        Assert.Equal("DECLINED", (string?)final["status"]!["status"]);
        Assert.Equal(reasonCode, (string?)final["status"]!["reasonCode"]);
        Assert.Equal(4, (int)final["attempt_number"]!);
        Assert.Equal(ExhaustedEvents, await harness.EventTypesForAsync(id));
    }

    [Fact]
    public async Task Retries_follow_the_documented_delays()
    {
        string id = (string)(await harness.SaleAsync(10.20m))["transaction_id"]!;

        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(3));

        string[] scheduledFor = [.. (await harness.WebhooksAsync())
            .Where(e => (string?)e!["type"] == "transaction.retry_scheduled")
            .Select(e => (string)e!["payload"]!["data"]!["next_attempt_at"]!)];
        Assert.Equal(["2026-01-15T10:30:00Z", "2026-01-15T16:30:00Z", "2026-01-16T16:30:00Z"], scheduledFor);
    }

    [Fact]
    public async Task The_status_response_has_the_documented_shape_without_card_data()
    {
        string id = (string)(await harness.SaleAsync(49.00m))["transaction_id"]!;

        JsonObject status = await harness.TransactionAsync(id);

        Assert.Equal("sale", (string?)status["type"]);
        Assert.Equal(49.00m, (decimal)status["amount"]!);
        Assert.Equal("2026-01-15T09:30:00Z", (string?)status["created_at"]);
        Assert.Equal("order-1", (string?)status["merchant_transaction_id"]);
        JsonNode instrument = status["order"]!["payment_instrument"]!;
        Assert.Equal("1111", (string?)instrument["card_card_last_four_digit"]);
        Assert.Equal("411111", (string?)instrument["card_bin"]);
        Assert.Equal(88, ((string)instrument["token"]!).Length);
        Assert.Equal("jane.doe", (string?)status["order"]!["payer"]!["email_username"]);
        Assert.DoesNotContain(Requests.VisaTestCard, status.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<int[]> AttemptNumbersAsync(string transactionId) =>
        [.. (await harness.WebhooksAsync())
            .Where(e => (string?)e!["payload"]!["data"]!["transaction_id"] == transactionId)
            .Select(e => (int)e!["payload"]!["data"]!["attempt_number"]!)];
}
