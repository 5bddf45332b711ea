using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmartRetry.Simulator.Tests.Support;

namespace SmartRetry.Simulator.Tests.Pipeline;

public class ApiKeyTests : IAsyncLifetime
{
    private SimulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("sk_test_someone_else")]
    public async Task A_missing_or_wrong_api_key_is_a_401_INVALID_API_KEY(string? apiKey)
    {
        using var http = new HttpClient { BaseAddress = harness.Simulator.BaseUrl };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        using HttpResponseMessage response = await http.PostAsJsonAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}", Requests.Sale(10m));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("INVALID_API_KEY", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reason_code"]);
        Assert.Empty(await harness.WebhooksAsync());
    }

    [Fact]
    public async Task Another_terminal_is_a_403_TERMINAL_NOT_FOUND()
    {
        using HttpResponseMessage response = await harness.PostAsync("/v1/payments/sale/OTHER1", Requests.Sale(10m));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TERMINAL_NOT_FOUND", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reason_code"]);
    }

    [Fact]
    public async Task Health_needs_no_api_key()
    {
        using var http = new HttpClient { BaseAddress = harness.Simulator.BaseUrl };

        using HttpResponseMessage response = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
    }

    [Fact]
    public async Task An_unknown_v1_path_is_a_404_problem_not_an_empty_answer()
    {
        using HttpResponseMessage response = await harness.Http.GetAsync($"/v1/payments/nothing/{SimulatorHarness.Terminal}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("RECORD_NOT_FOUND", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["reason_code"]);
    }
}
