using RestSharp;
using SmartRetry.Client.Http;

namespace SmartRetry.Client.Health;

/// <summary>
/// SmartRetry's unauthenticated health endpoints (https://www.smartretry.com/docs/api-reference/health). One attempt each, without retries: a
/// health probe should report what it sees now. A non-200 answer throws.
/// </summary>
public class HealthClient
{
    private readonly SmartRetryPipeline? pipeline;

    /// <summary>For mocking.</summary>
    protected HealthClient()
    {
    }

    internal HealthClient(SmartRetryPipeline pipeline) => this.pipeline = pipeline;

    private SmartRetryPipeline Pipeline => pipeline ?? throw SmartRetryClient.NotConnected();

    /// <summary><c>GET /health/</c>: the service is up.</summary>
    public virtual Task<SmartRetryResponse<HealthReport>> GetHealthAsync(CancellationToken cancellationToken = default) =>
        GetAsync("Health.Health", "health/", cancellationToken);

    /// <summary><c>GET /health/ready</c>: dependencies are OK and requests can be served.</summary>
    public virtual Task<SmartRetryResponse<HealthReport>> GetReadinessAsync(CancellationToken cancellationToken = default) =>
        GetAsync("Health.Ready", "health/ready", cancellationToken);

    /// <summary><c>GET /health/live</c>: the process is alive.</summary>
    public virtual Task<SmartRetryResponse<HealthReport>> GetLivenessAsync(CancellationToken cancellationToken = default) =>
        GetAsync("Health.Live", "health/live", cancellationToken);

    private Task<SmartRetryResponse<HealthReport>> GetAsync(string operation, string resource, CancellationToken cancellationToken) =>
        Pipeline.SendAsync<HealthReport>(new ApiCall(operation, Method.Get, resource, Authenticated: false, Retried: false), cancellationToken);
}
