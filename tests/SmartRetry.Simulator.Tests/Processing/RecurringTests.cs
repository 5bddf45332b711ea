using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmartRetry.Simulator.Tests.Support;

namespace SmartRetry.Simulator.Tests.Processing;

public class RecurringTests : IAsyncLifetime
{
    private static readonly string Terminal = SimulatorHarness.Terminal;
    private SimulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_merchant_series_is_charged_on_request_and_completes_at_its_payment_count()
    {
        JsonObject init = await InitAsync(Requests.RecurringInit(9m, "merchant", new() { ["number_of_payments"] = 3 }));
        string recurringId = (string)init["recurring_id"]!;

        JsonObject second = await ChargeAsync(recurringId);
        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(30));
        JsonObject third = await ChargeAsync(recurringId, amount: 12m);
        using HttpResponseMessage fourth = await harness.PostAsync($"/v1/payments/recurring/charge/{Terminal}", new { recurring_id = recurringId });

        JsonObject series = await harness.SeriesAsync(recurringId);
        Assert.True((bool)init["accepted"]!);
        Assert.True((bool)second["accepted"]!);
        Assert.Equal(recurringId, (string?)third["recurring_id"]);
        Assert.Equal("completed", (string?)series["status"]);
        Assert.Equal(3, (int)series["recurring"]!["completed_payments"]!);
        Assert.Equal(0, (int)series["recurring"]!["remaining_payments"]!);
        Assert.Equal([9m, 9m, 12m], ((JsonArray)series["completed_transactions"]!).Select(t => (decimal)t!["amount"]!));
        Assert.Equal("recurring", (string?)(await harness.TransactionAsync((string)third["transaction_id"]!))["type"]);
        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
        Assert.Equal("RECURRING_NOT_ACTIVE", (string?)(await fourth.Content.ReadFromJsonAsync<JsonObject>())!["reason_code"]);
        Assert.Contains("recurring.completed", (await harness.WebhooksAsync()).Select(e => (string?)e!["type"]));
    }

    [Fact]
    public async Task An_our_platform_series_runs_its_future_transactions_on_their_dates()
    {
        JsonObject init = await InitAsync(Requests.RecurringInit(20m, "our_platform", Monthly(payments: 4)));
        string recurringId = (string)init["recurring_id"]!;
        JsonArray planned = (JsonArray)(await harness.SeriesAsync(recurringId))["future_transactions"]!;

        await harness.Simulator.AdvanceAsync(new DateTimeOffset(2026, 2, 14, 23, 59, 59, TimeSpan.Zero) - harness.Simulator.UtcNow);
        JsonObject dayBefore = await harness.SeriesAsync(recurringId);
        await harness.Simulator.AdvanceAsync(TimeSpan.FromSeconds(1));
        JsonObject first = await FutureAsync((string)planned[0]!["future_transaction_id"]!);
        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(100));
        JsonObject series = await harness.SeriesAsync(recurringId);

        Assert.Equal(["2026-02-15", "2026-03-15", "2026-04-15"], planned.Select(f => (string)f!["scheduled_date"]!));
        Assert.Equal([2, 3, 4], planned.Select(f => (int)f!["sequence_number"]!));
        Assert.Single((JsonArray)dayBefore["completed_transactions"]!);
        Assert.Equal("completed", (string?)first["status"]);
        JsonObject executed = await harness.TransactionAsync((string)first["executed_transaction"]!);
        Assert.Equal("2026-02-15T00:00:00Z", (string?)executed["created_at"]);
        Assert.Equal("recurring", (string?)executed["type"]);
        Assert.Equal("completed", (string?)series["status"]);
        Assert.Equal(4, (int)series["recurring"]!["completed_payments"]!);
        Assert.Empty((JsonArray)series["future_transactions"]!);
        IReadOnlyList<string?> types = [.. (await harness.WebhooksAsync()).Select(e => (string?)e!["type"])];
        Assert.Equal(1, types.Count(t => t == "recurring.created"));
        Assert.Equal(3, types.Count(t => t == "future_transaction.scheduled"));
        Assert.Equal(3, types.Count(t => t == "future_transaction.executed"));
        Assert.Equal(3, types.Count(t => t == "recurring.charged"));
        Assert.Equal(1, types.Count(t => t == "recurring.completed"));
    }

    [Fact]
    public async Task A_future_transaction_can_be_moved_charged_now_or_skipped()
    {
        string recurringId = (string)(await InitAsync(Requests.RecurringInit(20m, "our_platform", Monthly(payments: 4))))["recurring_id"]!;
        string[] ids = [.. ((JsonArray)(await harness.SeriesAsync(recurringId))["future_transactions"]!).Select(f => (string)f!["future_transaction_id"]!)];

        using HttpResponseMessage moved = await harness.PutAsync($"/v1/payments/recurring/future-transactions/update/{Terminal}",
            new { future_transaction_id = ids[0], recurring_id = recurringId, scheduled_date = "2026-02-20", amount = 25 });
        using HttpResponseMessage chargedNow = await harness.PostAsync($"/v1/payments/recurring/future-transactions/charge/{Terminal}",
            new { future_transaction_id = ids[1], recurring_id = recurringId });
        using HttpResponseMessage skipped = await harness.PostAsync($"/v1/payments/recurring/future-transactions/cancel/{Terminal}",
            new { future_transaction_id = ids[2], recurring_id = recurringId });
        using HttpResponseMessage chargedTwice = await harness.PostAsync($"/v1/payments/recurring/future-transactions/charge/{Terminal}",
            new { future_transaction_id = ids[1], recurring_id = recurringId });
        using HttpResponseMessage intoThePast = await harness.PutAsync($"/v1/payments/recurring/future-transactions/update/{Terminal}",
            new { future_transaction_id = ids[0], recurring_id = recurringId, scheduled_date = "2026-01-01" });
        await harness.Simulator.AdvanceAsync(new DateTimeOffset(2026, 2, 19, 0, 0, 0, TimeSpan.Zero) - harness.Simulator.UtcNow);
        JsonObject beforeNewDate = await FutureAsync(ids[0]);
        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(1));
        JsonObject onNewDate = await FutureAsync(ids[0]);
        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(120));
        JsonObject series = await harness.SeriesAsync(recurringId);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chargedNow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        Assert.Equal("FUTURE_TRANSACTION_ALREADY_EXECUTED", (string?)(await chargedTwice.Content.ReadFromJsonAsync<JsonObject>())!["reason_code"]);
        Assert.Equal("INVALID_SCHEDULED_DATE", (string?)(await intoThePast.Content.ReadFromJsonAsync<JsonObject>())!["reason_code"]);
        Assert.Equal("pending", (string?)beforeNewDate["status"]);
        Assert.Equal("completed", (string?)onNewDate["status"]);
        Assert.Equal(25m, (decimal)onNewDate["amount"]!);
        Assert.Equal("cancelled", (string?)(await FutureAsync(ids[2]))["status"]);
        Assert.Equal("completed", (string?)series["status"]);
        Assert.Equal(3, ((JsonArray)series["completed_transactions"]!).Count); // init, charged now, moved; the skipped one never ran
    }

    [Fact]
    public async Task A_soft_declined_platform_charge_is_retried_and_the_occurrence_completes()
    {
        string recurringId = (string)(await InitAsync(Requests.RecurringInit(20.10m, "our_platform", Monthly(payments: 2))))["recurring_id"]!;

        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(40));

        JsonObject series = await harness.SeriesAsync(recurringId);
        JsonArray charges = (JsonArray)series["completed_transactions"]!;
        Assert.Equal("completed", (string?)series["status"]);
        Assert.Equal(2, (int)series["recurring"]!["completed_payments"]!);
        Assert.All(charges, c => Assert.Equal("APPROVED", (string?)c!["status"]!["status"]));
        Assert.Equal(3, (int)(await harness.TransactionAsync((string)charges[1]!["transaction_id"]!))["attempt_number"]!);
    }

    [Theory]
    [InlineData("our_platform")]
    [InlineData("payment_provider")]
    public async Task Only_a_merchant_series_is_charged_on_request(string managedBy)
    {
        string recurringId = (string)(await InitAsync(Requests.RecurringInit(20m, managedBy, Monthly(payments: 3))))["recurring_id"]!;

        using HttpResponseMessage response = await harness.PostAsync($"/v1/payments/recurring/charge/{Terminal}", new { recurring_id = recurringId });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("RECURRING_NOT_MANAGED_BY_MERCHANT", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reason_code"]);
    }

    [Fact]
    public async Task A_payment_provider_series_is_charged_by_the_provider_without_exposing_future_transactions()
    {
        string recurringId = (string)(await InitAsync(Requests.RecurringInit(20m, "payment_provider", Monthly(payments: 3))))["recurring_id"]!;
        JsonObject atStart = await harness.SeriesAsync(recurringId);

        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(70));

        JsonObject series = await harness.SeriesAsync(recurringId);
        Assert.Empty((JsonArray)atStart["future_transactions"]!);
        Assert.Equal("completed", (string?)series["status"]);
        Assert.Equal(3, ((JsonArray)series["completed_transactions"]!).Count);
        Assert.DoesNotContain("future_transaction.scheduled", (await harness.WebhooksAsync()).Select(e => (string?)e!["type"]));
    }

    [Fact]
    public async Task A_cancelled_series_charges_nothing_more()
    {
        string recurringId = (string)(await InitAsync(Requests.RecurringInit(20m, "our_platform", Monthly(payments: 12))))["recurring_id"]!;

        using HttpResponseMessage cancel = await harness.PostAsync($"/v1/payments/recurring/cancel/{Terminal}", new { recurring_id = recurringId });
        using HttpResponseMessage again = await harness.PostAsync($"/v1/payments/recurring/cancel/{Terminal}", new { recurring_id = recurringId });
        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(400));

        JsonObject series = await harness.SeriesAsync(recurringId);
        JsonObject cancelled = (await cancel.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)cancelled["accepted"]!);
        Assert.True((bool)cancelled["cancelled"]!);
        Assert.Equal("RECURRING_ALREADY_CANCELLED", (string?)(await again.Content.ReadFromJsonAsync<JsonObject>())!["reason_code"]);
        Assert.Equal("cancelled", (string?)series["status"]);
        Assert.Single((JsonArray)series["completed_transactions"]!);
    }

    [Fact]
    public async Task A_hard_declined_init_is_not_accepted_and_leaves_no_active_series()
    {
        JsonObject init = await InitAsync(Requests.RecurringInit(20.32m, "merchant"));

        JsonObject series = await harness.SeriesAsync((string)init["recurring_id"]!);

        Assert.False((bool)init["accepted"]!);
        Assert.Equal("cancelled", (string?)series["status"]);
    }

    private static Dictionary<string, object?> Monthly(int payments) => new()
    {
        ["first_payment_date"] = "2026-01-15",
        ["recurring_date_type"] = "monthly",
        ["time_interval"] = 1,
        ["number_of_payments"] = payments,
    };

    private async Task<JsonObject> InitAsync(Dictionary<string, object?> body)
    {
        using HttpResponseMessage response = await harness.PostAsync($"/v1/payments/recurring/init/{Terminal}", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> ChargeAsync(string recurringId, decimal? amount = null)
    {
        using HttpResponseMessage response = await harness.PostAsync($"/v1/payments/recurring/charge/{Terminal}", new { recurring_id = recurringId, amount });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private Task<JsonObject> FutureAsync(string futureTransactionId) =>
        harness.GetJsonAsync($"/v1/payments/recurring/future-transactions/status/{Terminal}?future_transaction_id={futureTransactionId}");
}
