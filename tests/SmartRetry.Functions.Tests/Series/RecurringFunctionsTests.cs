using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Moq;
using SmartRetry.Functions.Series;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.Shared.Http;

namespace SmartRetry.Functions.Tests.Series;

public sealed class RecurringFunctionsTests : IDisposable
{
    private const string ValidSeries = """
        {"series_reference":"sub-42","amount":19.99,"currency":"EUR",
         "card":{"number":"4111111111111111","expiry_month":7,"expiry_year":2031,"cvv":"973"},
         "payer":{"first_name":"Jane","last_name":"Doe","email":"jane@example.com"},
         "recurring":{"managed_by":"merchant","first_payment_date":"2026-12-01","recurring_date_type":"monthly","time_interval":1,"number_of_payments":12,"charge_time_of_day":"09:00:00","time_zone":"Europe/Berlin"}}
        """;

    private readonly FunctionsApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_series_is_created_through_the_bound_workflow_client_and_answered_202_with_location()
    {
        app.Series.Setup(s => s.AddAsync(It.IsAny<RecurringSeries>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((RecurringSeries candidate, CancellationToken _) => candidate);
        string seriesId = RecurringSeriesIds.For("sub-42");

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(
            await app.Create<RecurringFunctions>().Create(FunctionsApp.Request("POST", "/api/recurring", ValidSeries), app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal($"https://pay.example.com{RecurringRoutes.SeriesPath(seriesId)}", response.Headers.Location.ToString());
        Assert.DoesNotContain("4111111111111111", response.Body, StringComparison.Ordinal);
        Assert.Single(app.DurableClient.Scheduled, s => s.Name == nameof(MerchantRecurringSeriesWorkflow) && s.InstanceId == seriesId);
    }

    [Fact]
    public async Task A_bad_series_body_is_a_400_naming_the_field()
    {
        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<RecurringFunctions>().Create(
            FunctionsApp.Request("POST", "/api/recurring", """{"series_reference":"x","recurring":{"managed_by":"sometimes"}}"""), app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("/recurring/managed_by", out _), response.Body);
        app.Series.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_unknown_series_is_a_404_problem_on_every_series_route()
    {
        RecurringFunctions functions = app.Create<RecurringFunctions>();
        string seriesId = RecurringSeriesIds.For("nobody");
        HttpRequest Post(string action) => FunctionsApp.Request("POST", $"/api/recurring/{seriesId}/{action}");

        ExecutedResponse[] responses =
        [
            await ExecutedResponse.ExecuteAsync(await functions.Get(FunctionsApp.Request("GET", $"/api/recurring/{seriesId}"), seriesId, CancellationToken.None)),
            await ExecutedResponse.ExecuteAsync(await functions.Pause(Post("pause"), seriesId, app.DurableClient, CancellationToken.None)),
            await ExecutedResponse.ExecuteAsync(await functions.Resume(Post("resume"), seriesId, app.DurableClient, CancellationToken.None)),
            await ExecutedResponse.ExecuteAsync(await functions.Cancel(Post("cancel"), seriesId, app.DurableClient, CancellationToken.None)),
            await ExecutedResponse.ExecuteAsync(await functions.Update(FunctionsApp.Request("PATCH", $"/api/recurring/{seriesId}", """{"amount":12.5}"""), seriesId, app.DurableClient, CancellationToken.None)),
        ];

        Assert.All(responses, response =>
        {
            Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
            Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        });
    }

    [Fact]
    public async Task A_known_series_is_200_with_its_view()
    {
        string seriesId = RecurringSeriesIds.For("sub-42");
        app.Series.Setup(s => s.GetAsync(seriesId, It.IsAny<CancellationToken>())).ReturnsAsync(new RecurringSeries(
            seriesId, SeriesManagement.Merchant, RecurringSeriesStatus.Active, 19.99m, "EUR", "k:h:s", app.Time.GetUtcNow(), app.Time.GetUtcNow()));

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<RecurringFunctions>().Get(
            FunctionsApp.Request("GET", $"/api/recurring/{seriesId}"), seriesId, CancellationToken.None));

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.Equal(seriesId, json.RootElement.GetProperty("series_id").GetString());
        Assert.Equal("active", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_amount_update_with_a_malformed_amount_is_a_400_naming_it()
    {
        string seriesId = RecurringSeriesIds.For("sub-42");

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<RecurringFunctions>().Update(
            FunctionsApp.Request("PATCH", $"/api/recurring/{seriesId}", """{"amount":"lots"}"""), seriesId, app.DurableClient, CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("/amount", out _), response.Body);
    }
}
