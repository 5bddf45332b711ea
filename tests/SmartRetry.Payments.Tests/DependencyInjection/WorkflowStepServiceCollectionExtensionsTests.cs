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
            typeof(SubmitSale), typeof(GetTransactionStatus), typeof(RecordPayment), typeof(SubmitRefund),
            typeof(ReleaseRefundReservation), typeof(InitRecurring), typeof(ChargeRecurring), typeof(CancelRecurring),
            typeof(UpdateRecurringAmount), typeof(RecordRecurringSeriesChange), typeof(RecordRecurringCharge),
            typeof(GetFutureTransaction), typeof(RecordFutureTransaction), typeof(ReserveCardAttempt),
            typeof(ReleaseCardAttempt),
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

        Assert.DoesNotContain(services, descriptor => descriptor.ServiceType == typeof(SyncRecurringStatus));
        Assert.DoesNotContain(services, descriptor => descriptor.ServiceType == typeof(InterruptRecurringCycle));
    }
}
