using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Refunds;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Tests.Hosting;

/// <summary>
/// Durable calls orchestrations and activities by function name. Each is declared once, with
/// <c>[Function(nameof(X))]</c> on the method that does the work; these tests read those declarations from the app.
/// </summary>
public sealed class FunctionNamesTests
{
    private static readonly Assembly App = typeof(RecordPayment).Assembly;

    /// <summary>
    /// Running instances recorded these names in their history and replay against them, so renaming an orchestration or
    /// an activity breaks them (docs/deploy.md). A change here is a deliberate one, rolled out by draining or a new task hub.
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

        Assert.Equal(recorded, DurableFunctions().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_orchestration_and_activity_is_declared_on_the_class_of_its_name()
    {
        // [Function(nameof(SubmitSale))] on SubmitSale's own method: the name a caller writes is the class it reads.
        Assert.All(DurableFunctions(), f => Assert.True(
            f.Method.DeclaringType!.Name == f.Name || f.Method.Name == f.Name,
            $"{f.Name} is declared on {f.Method.DeclaringType!.Name}.{f.Method.Name}"));
    }

    [Fact]
    public void Every_orchestration_and_activity_is_called_by_name_somewhere_in_the_app()
    {
        HashSet<string> loaded = NamesLoadedByTheApp([.. DurableFunctions().Select(f => f.Name)]);

        Assert.All(DurableFunctions(), f => Assert.Contains(f.Name, loaded));
    }

    [Fact]
    public void No_two_functions_share_a_name()
    {
        string[] names = [.. Functions().Select(f => f.Name)];

        Assert.Empty(names.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1).Select(group => group.Key));
    }

    private static IEnumerable<(string Name, MethodInfo Method)> Functions() =>
        from type in App.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        select (function.Name, method);

    private static IEnumerable<(string Name, MethodInfo Method)> DurableFunctions() =>
        Functions().Where(f => f.Method.GetParameters().Any(p =>
            p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null || p.GetCustomAttribute<ActivityTriggerAttribute>() is not null));

    /// <summary>
    /// The names some method of the app loads (<c>ldstr</c>: <c>nameof</c> is compiled into the IL of the code that uses it,
    /// async state machines included); the <c>[Function]</c> attribute's own argument is metadata, not IL, so a name only
    /// declared is not counted.
    /// </summary>
    private static HashSet<string> NamesLoadedByTheApp(HashSet<string> candidates)
    {
        HashSet<string> loaded = [];
        foreach (Type type in App.GetTypes())
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
                    if (il[i] == ldstr && token >>> 24 == userStringTable && TryResolve(App.ManifestModule, token) is { } value && candidates.Contains(value))
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
