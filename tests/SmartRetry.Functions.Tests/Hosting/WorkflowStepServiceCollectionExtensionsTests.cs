using Microsoft.Extensions.DependencyInjection;
using SmartRetry.Functions.Hosting;
using SmartRetry.Functions.Refunds.Activities;
using SmartRetry.Functions.Sales.Activities;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Tests.Hosting;

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
