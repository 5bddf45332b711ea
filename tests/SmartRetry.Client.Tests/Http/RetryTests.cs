using System.Globalization;
using Microsoft.Extensions.Logging;
using SmartRetry.Client.Errors;
using SmartRetry.Client.Payments;
using SmartRetry.Client.Tests.Support;
using WireMock.ResponseBuilders;

namespace SmartRetry.Client.Tests.Http;

public sealed class RetryTests : IClassFixture<ApiServer>, IDisposable
{
    private const string SalePath = "/v1/payments/sale/TERM01";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly ApiServer server;
    private readonly ClientHarness harness;

    public RetryTests(ApiServer server)
    {
        this.server = server;
        server.Reset();
        harness = new ClientHarness(server);
    }

    [Fact]
    public async Task A_429_waits_exactly_its_retry_after_then_retries_with_the_same_key_and_bytes()
    {
        server.RespondInTurn(
            SalePath,
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2").WithBody("""{"reason_code":"RATE_LIMIT_EXCEEDED"}"""),
            Ok());

        Task<SmartRetryResponse<PaymentResult>> call = harness.Client.Payments.SaleAsync(Requests.Sale(), "sale-7");
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        harness.Time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(1));

        Assert.False(call.IsCompleted);
        Assert.Single(server.Requests);

        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        SmartRetryResponse<PaymentResult> response = await call.WaitAsync(Guard);

        Assert.Equal(2, response.Attempts);
        AssertIdenticalAttempts("sale-7");
    }

    [Fact]
    public async Task A_retry_after_http_date_is_waited_until_that_time()
    {
        string inThreeSeconds = harness.Time.GetUtcNow().AddSeconds(3).ToString("r", CultureInfo.InvariantCulture);
        server.RespondInTurn(SalePath, Response.Create().WithStatusCode(429).WithHeader("Retry-After", inThreeSeconds), Ok());

        Task<SmartRetryResponse<PaymentResult>> call = harness.Client.Payments.SaleAsync(Requests.Sale(), "sale-8");
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        harness.Time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(2, (await call.WaitAsync(Guard)).Attempts);
    }

    [Fact]
    public async Task A_503_is_retried_after_the_backoff_with_the_same_key_and_the_same_bytes()
    {
        server.RespondInTurn(SalePath, Response.Create().WithStatusCode(503), Response.Create().WithStatusCode(503), Ok());

        Task<SmartRetryResponse<PaymentResult>> call = harness.Client.Payments.SaleAsync(Requests.Sale());
        await AdvanceThroughBackoffAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        SmartRetryResponse<PaymentResult> response = await call.WaitAsync(Guard);

        Assert.Equal(3, response.Attempts);
        AssertIdenticalAttempts(response.IdempotencyKey!);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Other_transient_statuses_are_retried(int status)
    {
        server.RespondInTurn(SalePath, Response.Create().WithStatusCode(status), Ok());

        Task<SmartRetryResponse<PaymentResult>> call = harness.Client.Payments.SaleAsync(Requests.Sale());
        await AdvanceThroughBackoffAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(2, (await call.WaitAsync(Guard)).Attempts);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task Other_4xx_are_never_retried(int status)
    {
        server.Respond(SalePath, status, """{"reason_code":"ANY"}""");

        await Assert.ThrowsAnyAsync<SmartRetryException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Transient_failures_stop_after_five_attempts_with_doubling_delays()
    {
        server.Respond(SalePath, 503, """{"reason_code":"RESOURCE_LOCKED"}""");

        Task<SmartRetryResponse<PaymentResult>> call = harness.Client.Payments.SaleAsync(Requests.Sale(), "sale-9");
        await AdvanceThroughBackoffAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));

        var failure = await Assert.ThrowsAsync<SmartRetryApiException>(() => call.WaitAsync(Guard));
        Assert.Equal("RESOURCE_LOCKED", failure.ReasonCode);
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_client_may_wait_surfaces_at_once()
    {
        server.Respond(SalePath, 429, """{"reason_code":"RATE_LIMIT_EXCEEDED"}""", new Dictionary<string, string> { ["Retry-After"] = "3600" });

        var failure = await Assert.ThrowsAsync<SmartRetryRateLimitException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.Equal(TimeSpan.FromHours(1), failure.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_503_whose_retry_after_is_longer_than_the_client_may_wait_surfaces_at_once_with_it()
    {
        server.Respond(SalePath, 503, """{"reason_code":"SERVICE_UNAVAILABLE"}""", new Dictionary<string, string> { ["Retry-After"] = "600" });

        var failure = await Assert.ThrowsAsync<SmartRetryApiException>(() => harness.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.Equal(503, failure.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), failure.RetryAfter);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_5xx_without_retry_after_that_runs_out_of_attempts_has_no_retry_after()
    {
        using var single = new ClientHarness(server, options => options.Retry.MaxAttempts = 1);
        server.Respond(SalePath, 503);

        var failure = await Assert.ThrowsAsync<SmartRetryApiException>(() => single.Client.Payments.SaleAsync(Requests.Sale()));

        Assert.Null(failure.RetryAfter);
    }

    /// <summary>RFC 9110 §5.6.7: a recipient accepts the IMF-fixdate, the obsolete RFC 850 and the asctime forms alike.</summary>
    [Theory]
    [InlineData("ddd, dd MMM yyyy HH:mm:ss 'GMT'")]
    [InlineData("dddd, dd-MMM-yy HH:mm:ss 'GMT'")]
    [InlineData("ddd MMM d HH:mm:ss yyyy")]
    public async Task A_retry_after_date_in_each_http_date_form_is_waited_until_that_time(string form)
    {
        DateTimeOffset at = harness.Time.GetUtcNow().AddSeconds(5);
        string date = at.UtcDateTime.ToString(form, CultureInfo.InvariantCulture);
        if (form.StartsWith("ddd MMM d ", StringComparison.Ordinal) && at.Day < 10)
        {
            // asctime pads a one-digit day with a space: "Sun Nov  6 08:49:37 1994".
            date = date.Insert(8, " ");
        }

        server.RespondInTurn(SalePath, Response.Create().WithStatusCode(429).WithHeader("Retry-After", date), Ok());

        Task<SmartRetryResponse<PaymentResult>> call = harness.Client.Payments.SaleAsync(Requests.Sale(), $"sale-date-{form.Length}");
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        harness.Time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);

        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, (await call.WaitAsync(Guard)).Attempts);
    }

    [Fact]
    public async Task Cancellation_during_the_backoff_stops_the_retries()
    {
        server.Respond(SalePath, 503);
        using var cancellation = new CancellationTokenSource();

        Task<SmartRetryResponse<PaymentResult>> call = harness.Client.Payments.SaleAsync(Requests.Sale(), cancellationToken: cancellation.Token);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Guard));
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_attempt_that_outlives_its_timeout_on_the_clock_is_retried_then_reported_as_a_transport_failure()
    {
        // The server holds each answer for longer than the test runs; only the fake clock ends the attempts.
        server.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(SalePath))
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromMinutes(2)));
        using var hanging = new ClientHarness(server, options => options.Retry.MaxAttempts = 2);

        Task<SmartRetryResponse<PaymentResult>> call = hanging.Client.Payments.SaleAsync(Requests.Sale(), "sale-hanging");
        await hanging.Time.WaitForTimerAsync(hanging.Options.AttemptTimeout);
        hanging.Time.Advance(hanging.Options.AttemptTimeout);
        await hanging.Time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        hanging.Time.Advance(TimeSpan.FromSeconds(1));
        await hanging.Time.WaitForTimerAsync(hanging.Options.AttemptTimeout);
        hanging.Time.Advance(hanging.Options.AttemptTimeout);

        var failure = await Assert.ThrowsAsync<SmartRetryTransportException>(() => call.WaitAsync(Guard));
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(failure.InnerException);
        Assert.Equal("sale-hanging", failure.IdempotencyKey);
        Assert.Equal(2, hanging.Logger.Collector.GetSnapshot().Count(record => record.Id.Name == "SmartRetryAttemptFailed"));
    }

    [Fact]
    public async Task No_retry_is_scheduled_whose_wait_would_end_after_the_overall_timeout()
    {
        using var bounded = new ClientHarness(server, options => options.OverallTimeout = TimeSpan.FromSeconds(25));
        server.Respond(SalePath, 503, """{"reason_code":"SERVICE_UNAVAILABLE"}""", new Dictionary<string, string> { ["Retry-After"] = "10" });

        Task<SmartRetryResponse<PaymentResult>> call = bounded.Client.Payments.SaleAsync(Requests.Sale(), "sale-bounded");
        for (int wait = 0; wait < 2; wait++)
        {
            await bounded.Time.WaitForTimerAsync(TimeSpan.FromSeconds(10));
            bounded.Time.Advance(TimeSpan.FromSeconds(10));
        }

        // A third wait would end at 30 s, past the 25 s the call may take: SmartRetry's last answer surfaces instead.
        var failure = await Assert.ThrowsAsync<SmartRetryApiException>(() => call.WaitAsync(Guard));
        Assert.Equal(503, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), failure.RetryAfter);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_is_cut_at_the_overall_timeout_rather_than_its_own()
    {
        server.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(SalePath))
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromMinutes(2)));
        using var bounded = new ClientHarness(server, options =>
        {
            options.AttemptTimeout = TimeSpan.FromSeconds(30);
            options.OverallTimeout = TimeSpan.FromSeconds(40);
        });

        Task<SmartRetryResponse<PaymentResult>> call = bounded.Client.Payments.SaleAsync(Requests.Sale(), "sale-deadline");
        await bounded.Time.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        bounded.Time.Advance(TimeSpan.FromSeconds(30));
        await bounded.Time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        bounded.Time.Advance(TimeSpan.FromSeconds(1));

        // 31 s gone: the second attempt gets the 9 s left, and no third follows.
        await bounded.Time.WaitForTimerAsync(TimeSpan.FromSeconds(9));
        bounded.Time.Advance(TimeSpan.FromSeconds(9));

        var failure = await Assert.ThrowsAsync<SmartRetryTransportException>(() => call.WaitAsync(Guard));
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(failure.InnerException);
        Assert.Equal(2, bounded.Logger.Collector.GetSnapshot().Count(record => record.Id.Name == "SmartRetryAttemptFailed"));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_and_then_reported_as_a_transport_failure()
    {
        using var refusing = new RefusingPort();
        using var offline = new ClientHarness(server, options =>
        {
            options.BaseUrl = refusing.Url;
            options.Retry.MaxAttempts = 2;
        });

        Task<SmartRetryResponse<PaymentResult>> call = offline.Client.Payments.SaleAsync(Requests.Sale(), "sale-offline");
        await offline.Time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        offline.Time.Advance(TimeSpan.FromSeconds(1));

        var failure = await Assert.ThrowsAsync<SmartRetryTransportException>(() => call.WaitAsync(Guard));
        Assert.Null(failure.StatusCode);
        Assert.Equal("sale-offline", failure.IdempotencyKey);
        Assert.Equal(2, offline.Logger.Collector.GetSnapshot().Count(record => record.Id.Name == "SmartRetryAttemptFailed"));
    }

    [Fact]
    public async Task Each_attempt_logs_one_structured_event_without_the_api_key_or_card()
    {
        server.RespondInTurn(SalePath, Response.Create().WithStatusCode(503), Ok());

        Task<SmartRetryResponse<PaymentResult>> call = harness.Client.Payments.SaleAsync(Requests.Sale(), "sale-logged");
        await AdvanceThroughBackoffAsync(TimeSpan.FromSeconds(1));
        await call.WaitAsync(Guard);

        var attempts = harness.Logger.Collector.GetSnapshot().Where(record => record.Id.Name == "SmartRetryAttempt").ToList();
        Assert.Equal(["503", "200"], attempts.Select(record => record.GetStructuredStateValue("StatusCode")));
        Assert.Equal(["1", "2"], attempts.Select(record => record.GetStructuredStateValue("Attempt")));
        Assert.All(attempts, record =>
        {
            Assert.Equal("Payments.Sale", record.GetStructuredStateValue("Operation"));
            Assert.Equal("sale-logged", record.GetStructuredStateValue("IdempotencyKey"));
            Assert.NotNull(record.GetStructuredStateValue("DurationMs"));
        });
        Assert.All(harness.Logger.Collector.GetSnapshot(), record =>
        {
            Assert.DoesNotContain(ClientHarness.ApiKey, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(TestCards.Visa, record.Message, StringComparison.Ordinal);
            Assert.True(record.Level <= LogLevel.Warning);
        });
    }

    [Fact]
    public async Task An_exhausted_rate_limit_window_holds_the_next_call_until_it_resets()
    {
        using var throttled = new ClientHarness(server, options => options.WaitForRateLimitReset = true);
        long reset = throttled.Time.GetUtcNow().AddSeconds(5).ToUnixTimeSeconds();
        server.Respond(SalePath, 200, Golden.Response("sale"), new Dictionary<string, string>
        {
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture),
        });
        await throttled.Client.Payments.SaleAsync(Requests.Sale());

        Task<SmartRetryResponse<PaymentResult>> held = throttled.Client.Payments.SaleAsync(Requests.Sale());
        await throttled.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5));

        Assert.Single(server.Requests);
        throttled.Time.Advance(TimeSpan.FromSeconds(5));
        await held.WaitAsync(Guard);
        Assert.Equal(2, server.Requests.Count);
    }

    private static IResponseBuilder Ok() =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Golden.Response("sale"));

    private async Task AdvanceThroughBackoffAsync(params TimeSpan[] delays)
    {
        foreach (TimeSpan delay in delays)
        {
            await harness.Time.WaitForTimerAsync(delay);
            harness.Time.Advance(delay);
        }
    }

    private void AssertIdenticalAttempts(string idempotencyKey)
    {
        var requests = server.Requests;
        Assert.True(requests.Count > 1);
        Assert.All(requests, request => Assert.Equal(idempotencyKey, request.Header("Idempotency-Key")));
        Assert.All(requests, request => Assert.Equal(requests[0].BodyBytes(), request.BodyBytes()));
    }

    public void Dispose() => harness.Dispose();
}
