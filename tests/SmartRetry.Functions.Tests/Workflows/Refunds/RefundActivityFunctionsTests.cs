using Moq;
using SmartRetry.Functions.Workflows.Refunds;
using SmartRetry.Payments.Correlation;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Refunds.Activities;
using SmartRetry.Payments.Sales.Activities;

namespace SmartRetry.Functions.Tests.Workflows.Refunds;

public sealed class RefundActivityFunctionsTests : IDisposable
{
    private readonly FunctionsApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task SubmitRefund_sends_the_refund_with_its_key_and_correlates_the_refund_transaction()
    {
        app.Gateway.Setup(g => g.RefundAsync(new RefundSubmission("key-1", "TX8A3F2C", "OR7B9E1D", "rf-1", 12.50m, "USD"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SubmissionResult(true, "TXREF001", "OR7B9E1D"));

        PaymentSubmissionResult result = await app.Create<RefundActivityFunctions>().SubmitRefund(
            new SubmitRefundRequest("refund-42", "key-1", "TX8A3F2C", "OR7B9E1D", "rf-1", 12.50m, "USD"), CancellationToken.None);

        Assert.Equal(new PaymentSubmissionResult(true, "TXREF001", "OR7B9E1D"), result);
        app.Correlations.Verify(c => c.AddAsync(CorrelationKind.Transaction, "TXREF001", "refund-42", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ReleaseRefundReservation_gives_the_reservation_back()
    {
        app.RefundReservations.Setup(r => r.ReleaseAsync("sale-42", "refund-42", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        bool released = await app.Create<RefundActivityFunctions>().ReleaseRefundReservation(new RefundRelease("sale-42", "refund-42"), CancellationToken.None);

        Assert.True(released);
    }
}
