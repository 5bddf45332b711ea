using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Moq;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.Shared.Http;

namespace SmartRetry.Functions.Tests.Series.PlatformManaged;

public sealed class FutureTransactionFunctionsTests : IDisposable
{
    private readonly FunctionsApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Every_future_transaction_route_of_an_unknown_series_is_a_404_problem()
    {
        FutureTransactionFunctions functions = app.Create<FutureTransactionFunctions>();
        string seriesId = RecurringSeriesIds.For("nobody");
        string path = RecurringRoutes.FutureTransactionsPath(seriesId);

        ExecutedResponse[] responses =
        [
            await ExecutedResponse.ExecuteAsync(await functions.List(FunctionsApp.Request("GET", path), seriesId, CancellationToken.None)),
            await ExecutedResponse.ExecuteAsync(await functions.Update(FunctionsApp.Request("PATCH", path + "/FT000001", """{"amount":5}"""), seriesId, "FT000001", CancellationToken.None)),
            await ExecutedResponse.ExecuteAsync(await functions.Charge(FunctionsApp.Request("POST", path + "/FT000001/charge"), seriesId, "FT000001", CancellationToken.None)),
            await ExecutedResponse.ExecuteAsync(await functions.Cancel(FunctionsApp.Request("POST", path + "/FT000001/cancel"), seriesId, "FT000001", CancellationToken.None)),
        ];

        Assert.All(responses, response => Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode));
        app.RecurringGateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Future_transactions_of_a_merchant_scheduled_series_are_a_409_problem()
    {
        string seriesId = RecurringSeriesIds.For("sub-42");
        app.Series.Setup(s => s.GetAsync(seriesId, It.IsAny<CancellationToken>())).ReturnsAsync(new RecurringSeries(
            seriesId, SeriesManagement.Merchant, RecurringSeriesStatus.Active, 19.99m, "EUR", "k:h:s", app.Time.GetUtcNow(), app.Time.GetUtcNow(), RecurringId: "RC1"));

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<FutureTransactionFunctions>().List(
            FunctionsApp.Request("GET", RecurringRoutes.FutureTransactionsPath(seriesId)), seriesId, CancellationToken.None));

        Assert.Equal(StatusCodes.Status409Conflict, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
    }

    [Fact]
    public async Task A_malformed_update_is_a_400_naming_the_field()
    {
        string seriesId = RecurringSeriesIds.For("sub-42");

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(await app.Create<FutureTransactionFunctions>().Update(
            FunctionsApp.Request("PATCH", RecurringRoutes.FutureTransactionsPath(seriesId) + "/FT000001", """{"scheduled_date":"soon"}"""), seriesId, "FT000001", CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("/scheduled_date", out _), response.Body);
    }
}
