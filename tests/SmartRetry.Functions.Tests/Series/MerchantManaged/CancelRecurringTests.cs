using Moq;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

public sealed class CancelRecurringTests
{
    [Fact]
    public async Task A_series_SmartRetry_already_cancelled_counts_as_cancelled()
    {
        var gateway = new Mock<ISmartRetryRecurringGateway>();
        gateway.Setup(g => g.CancelRecurringAsync("key", "RC000001", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SmartRetryRejectedException(409, "RECURRING_ALREADY_CANCELLED", "already cancelled"));

        Assert.True(await new CancelRecurring(gateway.Object).RunAsync(new CancelRecurringRequest("key", "RC000001"), CancellationToken.None));
    }

    [Fact]
    public async Task Other_refusals_propagate()
    {
        var gateway = new Mock<ISmartRetryRecurringGateway>();
        gateway.Setup(g => g.CancelRecurringAsync("key", "RC000001", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SmartRetryRejectedException(404, "RECURRING_NOT_FOUND", "no such series"));

        await Assert.ThrowsAsync<SmartRetryRejectedException>(() => new CancelRecurring(gateway.Object).RunAsync(new CancelRecurringRequest("key", "RC000001"), CancellationToken.None));
    }
}
