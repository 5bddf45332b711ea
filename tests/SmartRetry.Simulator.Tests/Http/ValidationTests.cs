using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartRetry.Simulator.Tests.Support;

namespace SmartRetry.Simulator.Tests.Http;

public class ValidationTests : IAsyncLifetime
{
    private SimulatorHarness harness = null!;

    public async Task InitializeAsync() => harness = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    public static TheoryData<string, object?, string, string> InvalidSales => new()
    {
        { "merchant_transaction_id", null, "MISSING_REQUIRED_FIELD", "merchant_transaction_id" },
        { "amount", null, "MISSING_REQUIRED_FIELD", "amount" },
        { "amount", 0, "INVALID_AMOUNT", "amount" },
        { "amount", 1_000_000_000, "INVALID_AMOUNT", "amount" },
        { "amount", "49.99", "INVALID_AMOUNT", "amount" },
        { "currency", "XYZ", "INVALID_CURRENCY", "currency" },
        { "currency", 840, "VALIDATION_INVALID_FIELD", "currency" },
        { "order.payment_instrument.card_number", "4111111111111112", "INVALID_CARD_NUMBER", "order.payment_instrument.card_number" },
        { "order.payment_instrument.card_number", "4111-1111", "INVALID_CARD_NUMBER", "order.payment_instrument.card_number" },
        { "order.payment_instrument.expiry_month", 13, "INVALID_EXPIRY", "order.payment_instrument.expiry_month" },
        { "order.payment_instrument.expiry_year", 2025, "INVALID_EXPIRY", "order.payment_instrument.expiry_year" },
        { "order.payment_instrument.payment_method", "cheque", "VALIDATION_INVALID_FIELD", "order.payment_instrument.payment_method" },
        { "order.payer.email", "not-an-email", "VALIDATION_INVALID_FIELD", "order.payer.email" },
        { "order.payment_instrument", null, "MISSING_REQUIRED_FIELD", "order.payment_instrument" },
        { "cvv", "12", "VALIDATION_INVALID_FIELD", "cvv" },
        { "token", "short", "VALIDATION_INVALID_FIELD", "token" },
    };

    [Theory]
    [MemberData(nameof(InvalidSales))]
    public async Task Sale_with_an_invalid_field_is_a_400_problem_naming_the_field_and_creates_nothing(string path, object? value, string reasonCode, string field)
    {
        JsonObject body = JsonSerializer.SerializeToNode(Requests.Sale(49.99m))!.AsObject();
        Set(body, path, value);

        using HttpResponseMessage response = await harness.PostAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}", body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonObject problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.Equal(reasonCode, (string?)problem["reason_code"]);
        Assert.Equal(field, (string?)problem["context"]!["field"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["detail"]));
        Assert.Empty(await harness.WebhooksAsync());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_JSON_object_is_a_400_problem(string body)
    {
        using HttpResponseMessage response = await harness.PostAsync($"/v1/payments/sale/{SimulatorHarness.Terminal}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonObject problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("body", (string?)problem["context"]!["field"]);
    }

    [Fact]
    public async Task Status_of_an_unknown_transaction_is_a_404_problem()
    {
        using HttpResponseMessage response = await harness.Http.GetAsync($"/v1/payments/status/{SimulatorHarness.Terminal}/TX999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        JsonObject problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("TRANSACTION_NOT_FOUND", (string?)problem["reason_code"]);
    }

    [Fact]
    public async Task Recurring_init_for_our_platform_requires_its_schedule()
    {
        using HttpResponseMessage response = await harness.PostAsync($"/v1/payments/recurring/init/{SimulatorHarness.Terminal}", Requests.RecurringInit(9m, "our_platform"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonObject problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("recurring.first_payment_date", (string?)problem["context"]!["field"]);
    }

    private static void Set(JsonObject body, string path, object? value)
    {
        string[] parts = path.Split('.');
        JsonObject parent = body;
        foreach (string part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        if (value is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = JsonSerializer.SerializeToNode(value);
        }
    }
}
