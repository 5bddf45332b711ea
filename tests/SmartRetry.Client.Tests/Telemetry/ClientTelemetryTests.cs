using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SmartRetry.Client.Payments;
using SmartRetry.Client.Tests.Support;
using WireMock.ResponseBuilders;

namespace SmartRetry.Client.Tests.Telemetry;

/// <summary>
/// The client's spans and metrics for a call that is retried, read the way an OpenTelemetry SDK reads them (an
/// <see cref="ActivityListener"/> and a meter listener). The meter is process-wide, so this class runs alone.
/// </summary>
[Collection(ClientTelemetryCollection.Name)]
public sealed class ClientTelemetryTests : IClassFixture<ApiServer>, IDisposable
{
    private const string SalePath = "/v1/payments/sale/TERM01";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly ApiServer server;
    private readonly ClientHarness harness;
    private readonly List<Activity> spans = [];
    private readonly ActivityListener listener;

    public ClientTelemetryTests(ApiServer server)
    {
        this.server = server;
        server.Reset();
        harness = new ClientHarness(server);
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SmartRetryClientTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                lock (spans)
                {
                    spans.Add(span);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    [Fact]
    public async Task Each_attempt_is_a_client_span_with_its_operation_attempt_number_status_and_idempotency_key()
    {
        server.RespondInTurn(SalePath, Response.Create().WithStatusCode(503), Ok());

        Task<SmartRetryResponse<PaymentResult>> call = harness.Client.Payments.SaleAsync(Requests.Sale(), "sale-traced");
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        await call.WaitAsync(Guard);

        Activity[] attempts = SpansWithKey("sale-traced");
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, span =>
        {
            Assert.Equal("SmartRetry Payments.Sale", span.DisplayName);
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("Payments.Sale", span.GetTagItem("smartretry.operation"));
            Assert.Equal("POST", span.GetTagItem("http.request.method"));
        });
        Assert.Equal([1, 2], attempts.Select(span => (int)span.GetTagItem("smartretry.attempt")!));
        Assert.Equal([503, 200], attempts.Select(span => (int)span.GetTagItem("http.response.status_code")!));
        Assert.Equal([ActivityStatusCode.Error, ActivityStatusCode.Unset], attempts.Select(span => span.Status));
    }

    [Fact]
    public async Task A_span_carries_no_card_data_and_no_api_key()
    {
        server.RespondInTurn(SalePath, Ok());

        await harness.Client.Payments.SaleAsync(Requests.Sale(), "sale-clean").WaitAsync(Guard);

        Activity span = Assert.Single(SpansWithKey("sale-clean"));
        string everything = span.DisplayName + string.Join(';', span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
        Assert.DoesNotContain(TestCards.Visa, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientHarness.ApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("cvv", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expiry", everything, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_retry_after_is_counted_as_such_and_its_wait_recorded_next_to_each_attempt()
    {
        using var attempts = new MetricCollector<long>(null, SmartRetryClientTelemetry.MeterName, "smartretry.client.attempts");
        using var retries = new MetricCollector<long>(null, SmartRetryClientTelemetry.MeterName, "smartretry.client.retries");
        using var waits = new MetricCollector<double>(null, SmartRetryClientTelemetry.MeterName, "smartretry.client.retry_after.wait");
        server.RespondInTurn(SalePath, Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2").WithBody("""{"reason_code":"RATE_LIMIT_EXCEEDED"}"""), Ok());

        Task<SmartRetryResponse<PaymentResult>> call = harness.Client.Payments.SaleAsync(Requests.Sale(), "sale-limited");
        await AdvanceAsync(TimeSpan.FromSeconds(2));
        await call.WaitAsync(Guard);

        Assert.Equal(
            [(429, 1), (200, 2)],
            attempts.GetMeasurementSnapshot().Select(m => ((int)m.Tags["http.response.status_code"]!, (int)m.Tags["smartretry.attempt"]!)));
        Assert.All(attempts.GetMeasurementSnapshot(), m => Assert.Equal("Payments.Sale", m.Tags["smartretry.operation"]));
        CollectedMeasurement<long> retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal("retry_after", retry.Tags["smartretry.retry.wait"]);
        Assert.Equal(2.0, Assert.Single(waits.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task A_backoff_retry_is_counted_without_a_retry_after_wait()
    {
        using var retries = new MetricCollector<long>(null, SmartRetryClientTelemetry.MeterName, "smartretry.client.retries");
        using var waits = new MetricCollector<double>(null, SmartRetryClientTelemetry.MeterName, "smartretry.client.retry_after.wait");
        server.RespondInTurn(SalePath, Response.Create().WithStatusCode(503), Ok());

        Task<SmartRetryResponse<PaymentResult>> call = harness.Client.Payments.SaleAsync(Requests.Sale(), "sale-backoff");
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        await call.WaitAsync(Guard);

        CollectedMeasurement<long> retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal("backoff", retry.Tags["smartretry.retry.wait"]);
        Assert.Equal("Payments.Sale", retry.Tags["smartretry.operation"]);
        Assert.Empty(waits.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task An_attempt_that_gets_no_answer_is_counted_and_its_span_marked_failed_with_the_error_type()
    {
        using var attempts = new MetricCollector<long>(null, SmartRetryClientTelemetry.MeterName, "smartretry.client.attempts");
        using var port = new RefusingPort();
        using var refusing = new ClientHarness(server, options =>
        {
            options.BaseUrl = port.Url;
            options.Retry.MaxAttempts = 1;
        });

        await Assert.ThrowsAnyAsync<Exception>(() => refusing.Client.Payments.SaleAsync(Requests.Sale(), "sale-refused").WaitAsync(Guard));

        Activity span = Assert.Single(SpansWithKey("sale-refused"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.NotNull(span.GetTagItem("error.type"));
        Assert.Null(span.GetTagItem("http.response.status_code"));
        CollectedMeasurement<long> attempt = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal(span.GetTagItem("error.type"), attempt.Tags["error.type"]);
        Assert.False(attempt.Tags.ContainsKey("http.response.status_code"));
    }

    public void Dispose()
    {
        listener.Dispose();
        harness.Dispose();
    }

    private Activity[] SpansWithKey(string idempotencyKey)
    {
        lock (spans)
        {
            return [.. spans.Where(span => (string?)span.GetTagItem("smartretry.idempotency_key") == idempotencyKey)];
        }
    }

    private static IResponseBuilder Ok() =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Golden.Response("sale"));

    private async Task AdvanceAsync(TimeSpan delay)
    {
        await harness.Time.WaitForTimerAsync(delay);
        harness.Time.Advance(delay);
    }
}

/// <summary>Runs after the parallel tests, alone, so the process-wide meter sees only this class's calls.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClientTelemetryCollection
{
    public const string Name = "Client telemetry";
}
