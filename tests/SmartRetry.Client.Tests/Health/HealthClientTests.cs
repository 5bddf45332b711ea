using SmartRetry.Client.Errors;
using SmartRetry.Client.Health;
using SmartRetry.Client.Tests.Support;

namespace SmartRetry.Client.Tests.Health;

public sealed class HealthClientTests : IClassFixture<ApiServer>, IDisposable
{
    private readonly ApiServer server;
    private readonly ClientHarness harness;

    public HealthClientTests(ApiServer server)
    {
        this.server = server;
        server.Reset();
        harness = new ClientHarness(server);
    }

    [Fact]
    public async Task Health_is_read_without_the_api_key()
    {
        server.Respond("/health/", 200, Golden.Response("health"));

        HealthReport report = (await harness.Client.Health.GetHealthAsync()).Value;

        server.Requests.Single().AssertGet("/health/", authenticated: false);
        Assert.Equal(new HealthReport { Status = "healthy", Timestamp = new DateTimeOffset(2026, 4, 1, 14, 22, 13, TimeSpan.Zero) }, report);
    }

    [Fact]
    public async Task Readiness_reads_the_dependency_checks()
    {
        server.Respond("/health/ready", 200, Golden.Response("health-ready"));

        HealthReport report = (await harness.Client.Health.GetReadinessAsync()).Value;

        server.Requests.Single().AssertGet("/health/ready", authenticated: false);
        Assert.Equal("ready", report.Status);
        Assert.Equal(new Dictionary<string, string> { ["database"] = "ok", ["cache"] = "ok", ["payment_providers"] = "ok" }, report.Checks);
    }

    [Fact]
    public async Task Liveness_reads_alive()
    {
        server.Respond("/health/live", 200, Golden.Response("health-live"));

        HealthReport report = (await harness.Client.Health.GetLivenessAsync()).Value;

        server.Requests.Single().AssertGet("/health/live", authenticated: false);
        Assert.Equal("alive", report.Status);
    }

    [Fact]
    public async Task An_unready_service_throws_after_a_single_attempt()
    {
        server.Respond("/health/ready", 503);

        var failure = await Assert.ThrowsAsync<SmartRetryApiException>(() => harness.Client.Health.GetReadinessAsync());

        Assert.Equal(503, failure.StatusCode);
        Assert.Single(server.Requests);
    }

    public void Dispose() => harness.Dispose();
}
