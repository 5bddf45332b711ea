using Microsoft.Extensions.DependencyInjection;
using SmartRetry.Payments.DependencyInjection;
using SmartRetry.Payments.Ledger;
using SmartRetry.Payments.Recurring.Activities;
using SmartRetry.Payments.Refunds.Activities;
using SmartRetry.Payments.Sales.Activities;
using SmartRetry.Payments.Workflows.Tracking;

namespace SmartRetry.Payments.Tests.DependencyInjection;

public sealed class WorkflowStepServiceCollectionExtensionsTests
{
    [Fact]
    public void Every_step_class_is_registered_once_as_a_singleton_without_a_line_of_its_own()
    {
        var services = new ServiceCollection();

        services.AddWorkflowSteps().AddWorkflowSteps();

        Type[] expected =
        [
            typeof(SubmitSaleActivity), typeof(GetTransactionStatusActivity), typeof(RecordPaymentActivity), typeof(SubmitRefundActivity),
            typeof(ReleaseRefundActivity), typeof(InitRecurringActivity), typeof(ChargeRecurringActivity), typeof(CancelRecurringActivity),
            typeof(UpdateRecurringAmountActivity), typeof(RecordSeriesChangeActivity), typeof(RecordChargeActivity),
            typeof(GetFutureTransactionActivity), typeof(RecordFutureTransactionActivity), typeof(ReserveCardAttemptActivity),
            typeof(ReleaseCardAttemptActivity),
        ];
        Assert.Equal(
            expected.OrderBy(type => type.Name),
            services.Select(descriptor => descriptor.ServiceType).OrderBy(type => type.Name));
        Assert.All(services, descriptor => Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime));
    }

    [Fact]
    public void A_step_that_takes_the_per_call_workflow_client_is_left_to_the_host()
    {
        var services = new ServiceCollection().AddWorkflowSteps();

        Assert.DoesNotContain(services, descriptor => descriptor.ServiceType == typeof(SyncRecurringActivity));
        Assert.DoesNotContain(services, descriptor => descriptor.ServiceType == typeof(InterruptCycleActivity));
    }
}
