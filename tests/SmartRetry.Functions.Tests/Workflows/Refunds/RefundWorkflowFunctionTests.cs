using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SmartRetry.Functions.Workflows.Refunds;
using SmartRetry.Payments.Ledger;
using SmartRetry.Payments.Refunds;
using SmartRetry.Payments.Refunds.Activities;
using SmartRetry.Payments.Sales;
using SmartRetry.Payments.Sales.Activities;

namespace SmartRetry.Functions.Tests.Workflows.Refunds;

public sealed class RefundWorkflowFunctionTests
{
    [Fact]
    public async Task Runs_the_refund_workflow_on_the_orchestration_input_and_returns_its_outcome()
    {
        var input = new RefundWorkflowInput(
            "refund-42", "sale-42", "rf-1", "TX8A3F2C", "OR7B9E1D", 12.50m, "USD",
            new SaleTrackingPolicy(TimeSpan.FromMinutes(1), 2, TimeSpan.FromMinutes(30), TimeSpan.FromDays(2)));
        var context = new Mock<TaskOrchestrationContext>();
        context.SetupGet(c => c.InstanceId).Returns("refund-42");
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(new DateTime(2026, 11, 23, 22, 0, 0, DateTimeKind.Utc));
        context.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).Returns(NullLogger.Instance);
        context.Setup(c => c.GetInput<RefundWorkflowInput>()).Returns(input);
        context.Setup(c => c.CallActivityAsync<PaymentSubmissionResult>(RefundWorkflowNames.SubmitRefundActivity, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new PaymentSubmissionResult(false, null, null, new PaymentRejection("REFUND_AMOUNT_EXCEEDED", 400)));
        context.Setup(c => c.CallActivityAsync<bool>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ReturnsAsync(true);

        RefundOutcome outcome = await RefundWorkflowFunction.Run(context.Object);

        Assert.Equal((PaymentStatus.Declined, "REFUND_AMOUNT_EXCEEDED"), (outcome.Status, outcome.ReasonCode));
        context.Verify(c => c.CallActivityAsync<PaymentSubmissionResult>(
            RefundWorkflowNames.SubmitRefundActivity,
            It.Is<object?>(request => request is SubmitRefundRequest && ((SubmitRefundRequest)request).Amount == 12.50m),
            It.IsAny<TaskOptions?>()), Times.Once);
        context.Verify(c => c.CallActivityAsync<bool>(
            RefundWorkflowNames.ReleaseRefundActivity, new RefundRelease("sale-42", "refund-42"), It.IsAny<TaskOptions?>()), Times.Once);
    }
}
