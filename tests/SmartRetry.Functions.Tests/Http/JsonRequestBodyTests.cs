using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SmartRetry.Functions.Http;

namespace SmartRetry.Functions.Tests.Http;

public sealed class JsonRequestBodyTests
{
    private sealed record SaleRequest(string MerchantTransactionId, decimal Amount, CardRequest? Card);

    private sealed record CardRequest(string Number, int ExpiryMonth);

    private static HttpRequest Request(string body)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        http.Request.ContentType = "application/json";
        return http.Request;
    }

    private static async Task<(int Status, JsonElement Errors, string Body)> ProblemOf(JsonBody<SaleRequest> read)
    {
        Assert.False(read.IsValid);
        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(read.Problem);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        return (response.StatusCode, JsonDocument.Parse(response.Body).RootElement.GetProperty("errors").Clone(), response.Body);
    }

    [Fact]
    public async Task Reads_a_snake_case_body()
    {
        JsonBody<SaleRequest> read = await JsonRequestBody.ReadAsync<SaleRequest>(
            Request("""{"merchant_transaction_id":"mt-1","amount":10.25,"card":{"number":"4111111111111111","expiry_month":12}}"""), CancellationToken.None);

        Assert.True(read.IsValid);
        Assert.Equal(new SaleRequest("mt-1", 10.25m, new CardRequest("4111111111111111", 12)), read.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"amount\": 1,")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    public async Task A_missing_or_malformed_body_is_a_400_naming_the_body(string body)
    {
        (int status, JsonElement errors, _) = await ProblemOf(await JsonRequestBody.ReadAsync<SaleRequest>(Request(body), CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.True(errors.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_400_naming_its_field()
    {
        (int status, JsonElement errors, _) = await ProblemOf(await JsonRequestBody.ReadAsync<SaleRequest>(
            Request("""{"merchant_transaction_id":"mt-1","amount":"ten"}"""), CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.True(errors.TryGetProperty("amount", out _));
    }

    [Fact]
    public async Task A_nested_field_is_named_by_its_json_path_and_its_value_is_never_echoed()
    {
        (_, JsonElement errors, string body) = await ProblemOf(await JsonRequestBody.ReadAsync<SaleRequest>(
            Request("""{"merchant_transaction_id":"mt-1","amount":1,"card":{"number":4111111111111111,"expiry_month":12}}"""), CancellationToken.None));

        Assert.True(errors.TryGetProperty("card.number", out _));
        Assert.DoesNotContain("4111111111111111", body, StringComparison.Ordinal);
    }
}
