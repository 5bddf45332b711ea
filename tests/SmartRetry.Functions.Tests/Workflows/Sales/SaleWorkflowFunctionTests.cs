using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SmartRetry.Functions.Workflows.Sales;
using SmartRetry.Payments.Cards;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Ledger;
using SmartRetry.Payments.Sales;
using SmartRetry.Payments.Sales.Activities;

namespace SmartRetry.Functions.Tests.Workflows.Sales;

public sealed class SaleWorkflowFunctionTests
{
    [Fact]
    public async Task Runs_the_sale_workflow_on_the_orchestration_input_and_returns_its_outcome()
    {
        var input = new SaleWorkflowInput(
            "sale-42", "order-42", 49.99m, "USD", new SealedCard("k1", "sealed-envelope"), new PayerDetails("Jane", "Doe", "jane@example.com"),
            new SaleTrackingPolicy(TimeSpan.FromMinutes(1), 2, TimeSpan.FromMinutes(30), TimeSpan.FromDays(2)));
        var context = new Mock<TaskOrchestrationContext>();
        context.SetupGet(c => c.InstanceId).Returns("sale-42");
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(new DateTime(2026, 11, 23, 22, 0, 0, DateTimeKind.Utc));
        context.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).Returns(NullLogger.Instance);
        context.Setup(c => c.GetInput<SaleWorkflowInput>()).Returns(input);
        context.Setup(c => c.CallActivityAsync<PaymentSubmissionResult>(SaleWorkflowNames.SubmitSaleActivity, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new PaymentSubmissionResult(false, null, null, new PaymentRejection("INVALID_CARD", 422)));
        context.Setup(c => c.CallActivityAsync<bool>(SaleWorkflowNames.RecordSaleActivity, It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ReturnsAsync(true);

        SaleOutcome outcome = await SaleWorkflowFunction.Run(context.Object);

        Assert.Equal(new SaleOutcome("sale-42", PaymentStatus.Error, ReasonCode: "INVALID_CARD", Note: "Refused before processing (HTTP 422)."), outcome);
        context.Verify(c => c.CallActivityAsync<PaymentSubmissionResult>(
            SaleWorkflowNames.SubmitSaleActivity,
            It.Is<object?>(request => request is SubmitSaleRequest && ((SubmitSaleRequest)request).PaymentId == "sale-42" && ((SubmitSaleRequest)request).Card == input.Card),
            It.IsAny<TaskOptions?>()), Times.Once);
    }
}
