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
            typeof(ReleaseCardAttempt), typeof(InterruptRecurringCycle), typeof(SyncRecurringStatus),
        ];
        Assert.Equal(
            expected.OrderBy(type => type.Name),
            services.Select(descriptor => descriptor.ServiceType).OrderBy(type => type.Name));
        Assert.All(services, descriptor => Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime));
    }
}
