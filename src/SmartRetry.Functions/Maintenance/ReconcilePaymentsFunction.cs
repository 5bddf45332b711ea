using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SmartRetry.Functions.Maintenance;

/// <summary>
/// The reconciler (<see cref="PaymentReconciler"/>): settles the payments their orchestration left unresolved, on the
/// schedule in <c>Payments:Reconciliation:Schedule</c> (every minute in Azure, every few seconds locally). The timer
/// trigger runs on one host at a time; the reconciler is safe with more all the same.
/// </summary>
public sealed class ReconcilePaymentsFunction(PaymentReconciler reconciler)
{
    public const string Schedule = "%Payments:Reconciliation:Schedule%";

    [Function("ReconcilePayments")]
    public async Task Run(
        [TimerTrigger(Schedule)] TimerInfo timer,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await reconciler.ReconcileDueAsync(durableClient, cancellationToken);
    }
}
