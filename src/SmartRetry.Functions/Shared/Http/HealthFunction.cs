using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace SmartRetry.Functions.Shared.Http;

/// <summary>Liveness probe for load balancers and the local run script; it touches no dependency.</summary>
public sealed class HealthFunction(TimeProvider timeProvider)
{
    [Function("Health")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
        => ApiResults.Ok(new HealthResponse("healthy", timeProvider.GetUtcNow()));
}

public sealed record HealthResponse(string Status, DateTimeOffset Timestamp);
