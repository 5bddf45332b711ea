using System.Text.Json;
using SmartRetry.Client.Errors;
using SmartRetry.Client.Tests.Support;

namespace SmartRetry.Client.Tests.Errors;

public sealed class ErrorMappingTests : IClassFixture<ApiServer>, IDisposable
{
    private const string SalePath = "/v1/payments/sale/TERM01";
    private readonly ApiServer server;
    private readonly ClientHarness harness;

    public ErrorMappingTests(ApiServer server)
    {
        this.server = server;
        server.Reset();
        harness = new ClientHarness(server, options => options.Retry.MaxAttempts = 1);
    }

    public static TheoryData<int, string, Type> Mappings => new()
    {
        { 400, "INVALID_AMOUNT", typeof(SmartRetryValidationException) },
        { 422, "ALREADY_FULLY_CAPTURED", typeof(SmartRetryValidationException) },
        { 401, "INVALID_API_KEY", typeof(SmartRetryAuthenticationException) },
        { 403, "TERMINAL_NOT_FOUND", typeof(SmartRetryPermissionException) },
        { 404, "TRANSACTION_NOT_FOUND", typeof(SmartRetryNotFoundException) },
        { 400, "TRANSACTION_NOT_FOUND", typeof(SmartRetryNotFoundException) },
        { 409, "IDEMPOTENCY_CONFLICT", typeof(SmartRetryConflictException) },
        { 429, "RATE_LIMIT_EXCEEDED", typeof(SmartRetryRateLimitException) },
        { 500, "INTERNAL_ERROR", typeof(SmartRetryApiException) },
        { 503, "RESOURCE_LOCKED", typeof(SmartRetryApiException) },
        { 418, "SOMETHING_NEW", typeof(SmartRetryApiException) },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task Each_status_maps_to_its_exception_with_the_problem_details(int status, string reasonCode, Type expected)
    {
        server.Respond(SalePath, status, Problem(status, reasonCode));

        SmartRetryException failure = await Assert.ThrowsAnyAsync<SmartRetryException>(() => harness.Client.Payments.SaleAsync(Requests.Sale(), "key-1"));

        Assert.IsType(expected, failure);
        Assert.Equal(status, failure.StatusCode);
        Assert.Equal(reasonCode, failure.ReasonCode);
        Assert.Equal("Request failed", failure.Title);
        Assert.Equal($"detail for {reasonCode}", failure.Detail);
        Assert.Equal("/v1/payments/sale/TERM01", failure.Instance);
        Assert.Equal("Payments.Sale", failure.Operation);
        Assert.Equal("key-1", failure.IdempotencyKey);
        Assert.Contains(reasonCode, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validation_error_names_the_field_from_the_context()
    {
        server.Respond(SalePath, 400, """
            {"type":"https://api.smartretry.com/errors/validation","title":"Validation failed","status":400,
             "detail":"currency is required","reason_code":"MISSING_REQUIRED_FIELD","context":{"field":"currency","extra":[1,2]}}
            """);

        var failure = await Assert.ThrowsAsync<SmartRetryValidationException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.Equal("currency", failure.Field);
        Assert.Equal(JsonValueKind.Array, failure.Context["extra"].ValueKind);
    }

    [Fact]
    public async Task An_idempotency_conflict_is_flagged()
    {
        server.Respond(SalePath, 409, Problem(409, "IDEMPOTENCY_CONFLICT"));

        var failure = await Assert.ThrowsAsync<SmartRetryConflictException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.True(failure.IsIdempotencyConflict);
    }

    [Fact]
    public async Task A_state_conflict_is_not_an_idempotency_conflict()
    {
        server.Respond(SalePath, 409, Problem(409, "INVALID_FLOW_STATE"));

        var failure = await Assert.ThrowsAsync<SmartRetryConflictException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.False(failure.IsIdempotencyConflict);
    }

    [Fact]
    public async Task A_rate_limit_carries_retry_after_from_the_header()
    {
        server.Respond(SalePath, 429, Problem(429, "RATE_LIMIT_EXCEEDED"), new Dictionary<string, string> { ["Retry-After"] = "7" });

        var failure = await Assert.ThrowsAsync<SmartRetryRateLimitException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
    }

    [Fact]
    public async Task A_rate_limit_without_the_header_reads_retry_after_from_the_context()
    {
        server.Respond(SalePath, 429, """{"title":"Too many","status":429,"reason_code":"RATE_LIMIT_EXCEEDED","context":{"retry_after_seconds":30}}""");

        var failure = await Assert.ThrowsAsync<SmartRetryRateLimitException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
    }

    [Fact]
    public async Task A_non_json_error_body_still_gives_a_useful_exception()
    {
        server.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(SalePath)).RespondWith(
            WireMock.ResponseBuilders.Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html>Bad gateway</html>"));

        var failure = await Assert.ThrowsAsync<SmartRetryApiException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.Equal(502, failure.StatusCode);
        Assert.Null(failure.Problem);
        Assert.Contains("502", failure.Message, StringComparison.Ordinal);
        Assert.Contains("text/html", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_success_body_is_an_api_error_not_a_crash()
    {
        server.Respond(SalePath, 200, "[not json");

        var failure = await Assert.ThrowsAsync<SmartRetryApiException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.Equal(200, failure.StatusCode);
        Assert.IsAssignableFrom<JsonException>(failure.InnerException);
    }

    [Fact]
    public async Task Error_messages_never_carry_the_api_key_or_card_data()
    {
        server.Respond(SalePath, 400, Problem(400, "INVALID_CARD_NUMBER"));

        var failure = await Assert.ThrowsAsync<SmartRetryValidationException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        string everything = failure.ToString();
        Assert.DoesNotContain(ClientHarness.ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCards.Visa, everything, StringComparison.Ordinal);
    }

    public static TheoryData<int> EchoingStatuses => new() { 400, 409, 422, 429, 500, 503 };

    /// <summary>
    /// SmartRetry's free text may echo what it refused: none of it reaches the message (which logs, exception telemetry
    /// and Durable's failure details carry), however it is dressed; the reason code does, when shaped like one.
    /// </summary>
    [Theory]
    [MemberData(nameof(EchoingStatuses))]
    public async Task SmartRetry_free_text_never_reaches_the_message(int status)
    {
        string echo = $"card {TestCards.Visa} cvv 123 expiry 12/2030";
        server.Respond(SalePath, status, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["title"] = echo,
            ["status"] = status,
            ["detail"] = echo,
            ["instance"] = "/v1/" + echo,
            ["reason_code"] = "TEMPORARILY_UNAVAILABLE",
        }));

        SmartRetryException failure = await Assert.ThrowsAnyAsync<SmartRetryException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.Equal(echo, failure.Detail);
        Assert.Equal($"SmartRetry Payments.Sale failed with HTTP {status} TEMPORARILY_UNAVAILABLE.", failure.Message);
        Assert.DoesNotContain(TestCards.Visa, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reason_code_not_shaped_like_a_code_is_not_repeated()
    {
        server.Respond(SalePath, 503, $$"""{"status":503,"reason_code":"card {{TestCards.Visa}} refused"}""");

        var failure = await Assert.ThrowsAsync<SmartRetryApiException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.DoesNotContain(TestCards.Visa, failure.Message, StringComparison.Ordinal);
        Assert.Contains("not shaped like a code", failure.Message, StringComparison.Ordinal);
    }

    private static string Problem(int status, string reasonCode) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["type"] = "https://api.smartretry.com/errors/any",
        ["title"] = "Request failed",
        ["status"] = status,
        ["detail"] = $"detail for {reasonCode}",
        ["instance"] = "/v1/payments/sale/TERM01",
        ["reason_code"] = reasonCode,
    });

    public void Dispose() => harness.Dispose();
}
