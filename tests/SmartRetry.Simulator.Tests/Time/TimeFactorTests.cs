using System.Text.Json.Nodes;
using SmartRetry.Simulator.Tests.Support;

namespace SmartRetry.Simulator.Tests.Time;

public class TimeFactorTests
{
    [Fact]
    public async Task With_a_time_factor_of_one_day_per_second_a_daily_charge_runs_after_one_real_second()
    {
        await using SimulatorHarness harness = await SimulatorHarness.StartAsync(options => options.TimeFactor = 86_400);
        using HttpResponseMessage init = await harness.PostAsync($"/v1/payments/recurring/init/{SimulatorHarness.Terminal}", Requests.RecurringInit(5m, "our_platform", new()
        {
            ["first_payment_date"] = "2026-01-15",
            ["recurring_date_type"] = "daily",
            ["time_interval"] = 1,
        }));
        string recurringId = (string)JsonNode.Parse(await init.Content.ReadAsStringAsync())!["recurring_id"]!;

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.Simulator.RunDueAsync();

        Assert.Equal(SimulatorHarness.Start.AddDays(1), harness.Simulator.UtcNow);
        JsonObject series = await harness.SeriesAsync(recurringId);
        Assert.Equal(2, ((JsonArray)series["completed_transactions"]!).Count);
        Assert.Equal(3, ((JsonArray)series["future_transactions"]!).Count); // open-ended: a rolling window stays planned
    }

    [Fact]
    public async Task The_control_api_advances_the_clock_and_reports_it()
    {
        await using SimulatorHarness harness = await SimulatorHarness.StartAsync();

        using HttpResponseMessage response = await harness.Http.PostAsync("/_simulator/clock/advance",
            new StringContent("{\"days\":30}", System.Text.Encoding.UTF8, "application/json"));

        JsonObject clock = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("2026-02-14T09:30:00Z", (string?)clock["now"]);
        Assert.Equal(SimulatorHarness.Start.AddDays(30), harness.Simulator.UtcNow);
    }

    [Fact]
    public async Task Automatic_dispatch_delivers_due_work_by_itself()
    {
        await using WebhookReceiver receiver = await WebhookReceiver.StartAsync();
        await using SmartRetrySimulator simulator = await SmartRetrySimulator.StartAsync(new SmartRetrySimulatorOptions
        {
            ApiKey = SimulatorHarness.ApiKey,
            TerminalId = SimulatorHarness.Terminal,
            WebhookUrl = receiver.Url,
        });
        using var http = new HttpClient { BaseAddress = simulator.BaseUrl };
        http.DefaultRequestHeaders.Add("x-api-key", SimulatorHarness.ApiKey);

        using HttpResponseMessage sale = await http.PostAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(Requests.Sale(10m)), System.Text.Encoding.UTF8, "application/json"));

        await receiver.FirstReceived.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(System.Net.HttpStatusCode.OK, sale.StatusCode);
        Assert.Single(receiver.Received);
    }
}
