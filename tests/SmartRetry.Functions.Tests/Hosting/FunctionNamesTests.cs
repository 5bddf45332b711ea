using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Refunds;
using SmartRetry.Functions.Refunds.Activities;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Sales.Activities;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Tests.Hosting;

/// <summary>
/// Durable calls orchestrations and activities by function name, so a name a Payments workflow calls without a
/// matching function fails only at run time, in production. A workflow's or step's name is its class's name; these tests
/// find every such name the Payments code actually loads and require a function for it.
/// </summary>
public sealed class FunctionNamesTests
{
    [Fact]
    public void Every_workflow_and_activity_name_the_payments_code_uses_is_a_function()
    {
        HashSet<string> functions = [.. FunctionNames()];
        string[] used = [.. NamesUsedByPayments()];

        Assert.Contains(nameof(SubmitSale), used);
        Assert.Contains(nameof(SubmitRefund), used);
        Assert.Contains(nameof(ReleaseRefundReservation), used);
        Assert.Contains(nameof(RefundWorkflow), used);
        Assert.Contains(nameof(RecurringChargeCycleWorkflow), used);
        Assert.Contains(nameof(GetTransactionStatus), used);
        Assert.All(used, name => Assert.Contains(name, functions));
    }

    [Fact]
    public void Every_step_and_workflow_has_a_function_of_its_name()
    {
        HashSet<string> functions = [.. FunctionNames()];

        Assert.All(WorkflowCatalog.Steps.Concat(WorkflowCatalog.Workflows), type => Assert.Contains(type.Name, functions));
    }

    /// <summary>
    /// Running instances recorded these names in their history and replay against them, so renaming a step or workflow
    /// class breaks them (docs/deploy.md). A change here is a deliberate one, rolled out by draining or a new task hub.
    /// </summary>
    [Fact]
    public void The_Durable_names_running_instances_recorded_are_unchanged()
    {
        string[] recorded =
        [
            "CancelRecurring", "ChargeRecurring", "FutureTransactionWatchWorkflow", "GetFutureTransaction", "GetTransactionStatus",
            "InitRecurring", "InterruptRecurringCycle", "MerchantRecurringSeriesWorkflow", "PlatformRecurringSeriesWorkflow",
            "RecordFutureTransaction", "RecordPayment", "RecordRecurringCharge", "RecordRecurringSeriesChange",
            "RecurringChargeCycleWorkflow", "RefundWorkflow", "ReleaseCardAttempt", "ReleaseRefundReservation", "ReserveCardAttempt",
            "SaleWorkflow", "SubmitRefund", "SubmitSale", "SyncRecurringStatus", "UpdateRecurringAmount",
        ];

        Assert.Equal(recorded, WorkflowCatalog.Steps.Concat(WorkflowCatalog.Workflows).Select(type => type.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_two_functions_share_a_name()
    {
        string[] names = [.. FunctionNames()];

        Assert.Empty(names.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1).Select(group => group.Key));
    }

    private static IEnumerable<string> FunctionNames() =>
        from type in typeof(ApiResults).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        select function.Name;

    /// <summary>
    /// The step and workflow names that some Payments method loads (<c>ldstr</c>: <c>nameof</c> is compiled into the IL
    /// of the code that uses it, async state machines included), so a name nothing calls is not required.
    /// </summary>
    private static HashSet<string> NamesUsedByPayments()
    {
        Assembly payments = typeof(SaleWorkflow).Assembly;

        HashSet<string> catalog = [.. WorkflowCatalog.Steps.Concat(WorkflowCatalog.Workflows).Select(type => type.Name)];
        HashSet<string> loaded = [];
        foreach (Type type in payments.GetTypes())
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (MethodBase method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
                for (int i = 0; il is not null && i + 4 < il.Length; i++)
                {
                    const byte ldstr = 0x72;
                    const int userStringTable = 0x70;
                    int token = BitConverter.ToInt32(il, i + 1);
                    if (il[i] == ldstr && token >>> 24 == userStringTable && TryResolve(payments.ManifestModule, token) is { } value && catalog.Contains(value))
                    {
                        loaded.Add(value);
                    }
                }
            }
        }

        return loaded;
    }

    private static string? TryResolve(Module module, int token)
    {
        try
        {
            return module.ResolveString(token);
        }
        catch (ArgumentException)
        {
            // A byte that only looks like ldstr inside another instruction's operand.
            return null;
        }
    }
}
