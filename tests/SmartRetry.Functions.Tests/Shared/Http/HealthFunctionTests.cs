using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SmartRetry.Functions.Shared.Http;

namespace SmartRetry.Functions.Tests.Shared.Http;

public sealed class HealthFunctionTests
{
    [Fact]
    public async Task Answers_healthy_with_the_current_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var function = new HealthFunction(clock);

        ExecutedResponse response = await ExecutedResponse.ExecuteAsync(function.Run(new DefaultHttpContext().Request));

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("""{"status":"healthy","timestamp":"2026-11-23T10:00:00+00:00"}""", response.Body);
    }
}
