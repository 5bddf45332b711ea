using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Problems;

namespace SmartRetry.Functions.Tests.Shared.Http;

public sealed class ApiResultsTests
{
    private enum SampleState
    {
        AwaitingOutcome,
    }

    private sealed record SampleBody(string PaymentId, decimal Amount, SampleState State, string? Note = null);

    [Fact]
    public async Task Ok_writes_the_body_in_the_payments_json_shape()
    {
        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(ApiResults.Ok(new SampleBody("sale-42", 12.50m, SampleState.AwaitingOutcome)));

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal("""{"payment_id":"sale-42","amount":12.50,"state":"awaiting_outcome"}""", response.Body);
    }

    [Fact]
    public async Task An_accepted_handler_result_points_location_at_its_status_path_on_the_callers_host()
    {
        HttpContext http = CallerOn("https", "pay.example.com");
        HandlerResult<SampleBody> accepted = HandlerResult.Success(HttpStatusCode.Accepted, new SampleBody("sale-42", 1m, SampleState.AwaitingOutcome));

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(ApiResults.From(accepted, http.Request, body => "/api/payments/" + body.PaymentId), http);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal("https://pay.example.com/api/payments/sale-42", response.Headers.Location.ToString());
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal("""{"payment_id":"sale-42","amount":1,"state":"awaiting_outcome"}""", response.Body);
    }

    [Fact]
    public async Task An_ok_handler_result_has_no_location()
    {
        HttpContext http = CallerOn("https", "pay.example.com");
        HandlerResult<SampleBody> ok = HandlerResult.Success(HttpStatusCode.OK, new SampleBody("sale-42", 1m, SampleState.AwaitingOutcome));

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(ApiResults.From(ok, http.Request, body => "/api/payments/" + body.PaymentId), http);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.False(response.Headers.ContainsKey("Location"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(503)]
    public async Task A_failed_handler_result_is_its_problem_as_rfc9457_problem_json(int status)
    {
        var problem = new PaymentsProblem(
            "/problems/sample", "Sample.", status, "What went wrong.", "/api/payments/sale-42",
            status == 400 ? new Dictionary<string, string[]> { ["/card/number"] = ["Not a card number."] } : null);

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(
            ApiResults.From(HandlerResult.Failure<SampleBody>(problem), new DefaultHttpContext().Request, body => "/api/payments/" + body.PaymentId));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        Assert.False(response.Headers.ContainsKey("Location"));
        using JsonDocument json = JsonDocument.Parse(response.Body);
        JsonElement root = json.RootElement;
        Assert.Equal("/problems/sample", root.GetProperty("type").GetString());
        Assert.Equal(status, root.GetProperty("status").GetInt32());
        Assert.Equal("What went wrong.", root.GetProperty("detail").GetString());
        Assert.Equal("/api/payments/sale-42", root.GetProperty("instance").GetString());
        Assert.Equal(status == 400, root.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Object);
        if (status == 400)
        {
            Assert.Equal("Not a card number.", errors.GetProperty("/card/number")[0].GetString());
        }
    }

    internal static HttpContext CallerOn(string scheme, string host)
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = scheme;
        http.Request.Host = new HostString(host);
        return http;
    }
}
