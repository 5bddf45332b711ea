using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SmartRetry.Functions.Http;

namespace SmartRetry.Functions.Tests.Http;

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
    public async Task Accepted_points_location_and_the_status_link_at_our_own_status_route_on_the_callers_host()
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("pay.example.com");
        http.Request.Path = "/api/payments/sale";

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(ApiResults.Accepted(http.Request, "sale-42", "payments/sale-42"), http);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal("https://pay.example.com/api/payments/sale-42", response.Headers.Location.ToString());
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal("""{"id":"sale-42","links":{"status":"https://pay.example.com/api/payments/sale-42"}}""", response.Body);
    }

    [Fact]
    public async Task Accepted_escapes_ids_in_the_status_url()
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("pay.example.com");

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(ApiResults.Accepted(http.Request, "order 7#2", "payments/order 7#2"), http);

        Assert.Equal("https://pay.example.com/api/payments/order%207%232", response.Headers.Location.ToString());
    }

    [Fact]
    public async Task A_validation_problem_is_rfc9457_problem_json_naming_each_field()
    {
        var errors = new Dictionary<string, string[]>
        {
            ["amount"] = ["must be greater than zero"],
            ["card.expiry_month"] = ["must be between 1 and 12"],
        };

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(ApiResults.ValidationProblem(errors));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        JsonElement root = json.RootElement;
        Assert.Equal(400, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        Assert.Contains("amount", root.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("must be greater than zero", root.GetProperty("errors").GetProperty("amount")[0].GetString());
        Assert.Equal("must be between 1 and 12", root.GetProperty("errors").GetProperty("card.expiry_month")[0].GetString());
    }

    [Fact]
    public async Task A_bad_request_names_the_one_offending_field()
    {
        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(ApiResults.BadRequest("scheduled_at", "must be in the future"));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        JsonProperty field = Assert.Single(json.RootElement.GetProperty("errors").EnumerateObject());
        Assert.Equal("scheduled_at", field.Name);
        Assert.Equal("must be in the future", field.Value[0].GetString());
    }

    [Fact]
    public void A_validation_problem_without_fields_is_a_programming_error()
        => Assert.Throws<ArgumentException>(() => ApiResults.ValidationProblem(new Dictionary<string, string[]>()));

    [Theory]
    [InlineData(StatusCodes.Status404NotFound, "Not Found")]
    [InlineData(StatusCodes.Status409Conflict, "Conflict")]
    public async Task Not_found_and_conflict_are_problem_json_with_status_title_and_detail(int status, string title)
    {
        IActionResult result = status == StatusCodes.Status404NotFound
            ? ApiResults.NotFound("No payment sale-42.")
            : ApiResults.Conflict("No payment sale-42.");

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(result);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.Equal("No payment sale-42.", json.RootElement.GetProperty("detail").GetString());
        Assert.False(json.RootElement.TryGetProperty("errors", out _));
    }
}
