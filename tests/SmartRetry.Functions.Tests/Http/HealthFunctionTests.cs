using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;
using SmartRetry.Functions.Http;

namespace SmartRetry.Functions.Tests.Http;

public sealed class HealthFunctionTests
{
    [Fact]
    public void Answers_healthy_with_the_current_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var function = new HealthFunction(clock);

        IActionResult result = function.Run(new DefaultHttpContext().Request);

        OkObjectResult ok = Assert.IsType<OkObjectResult>(result);
        HealthResponse body = Assert.IsType<HealthResponse>(ok.Value);
        Assert.Equal("healthy", body.Status);
        Assert.Equal(clock.GetUtcNow(), body.Timestamp);
    }
}
