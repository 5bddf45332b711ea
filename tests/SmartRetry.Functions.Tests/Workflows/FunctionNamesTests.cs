using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Http;
using SmartRetry.Payments.Recurring;
using SmartRetry.Payments.Refunds;
using SmartRetry.Payments.Refunds.Activities;
using SmartRetry.Payments.Sales;
using SmartRetry.Payments.Sales.Activities;

namespace SmartRetry.Functions.Tests.Workflows;

/// <summary>
/// Durable calls orchestrations and activities by function name, so a name a Payments workflow calls without a
/// matching function fails only at run time, in production. These tests find every such name the Payments code
/// actually loads (the workflow catalogs and every step's <c>Name</c>) and require a function for it.
/// </summary>
public sealed class FunctionNamesTests
{
    private static readonly Type[] NameCatalogs = [typeof(SaleWorkflowNames), typeof(RefundWorkflowNames), typeof(RecurringWorkflowNames)];

    [Fact]
    public void Every_workflow_and_activity_name_the_payments_code_uses_is_a_function()
    {
        HashSet<string> functions = [.. FunctionNames()];
        string[] used = [.. NamesUsedByPayments()];

        Assert.Contains(SubmitSaleActivity.Name, used);
        Assert.Contains(SubmitRefundActivity.Name, used);
        Assert.Contains(ReleaseRefundActivity.Name, used);
        Assert.Contains(RefundWorkflowNames.Workflow, used);
        Assert.Contains(RecurringWorkflowNames.ChargeCycle, used);
        Assert.Contains(Payments.Workflows.Tracking.GetTransactionStatusActivity.Name, used);
        Assert.All(used, name => Assert.Contains(name, functions));
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
    /// The catalog constants that some Payments method loads (<c>ldstr</c>; constants are inlined into the IL of the
    /// code that uses them, async state machines included), so a constant nothing calls is not required.
    /// </summary>
    private static HashSet<string> NamesUsedByPayments()
    {
        Assembly payments = typeof(SaleWorkflow).Assembly;

        // Workflow names sit in the catalogs; each activity's name is its own class's Name constant.
        HashSet<string> catalog = [.. NameCatalogs
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Concat(payments.GetExportedTypes()
                .Where(type => type.Name.EndsWith("Activity", StringComparison.Ordinal))
                .Select(type => type.GetField("Name", BindingFlags.Public | BindingFlags.Static))
                .OfType<FieldInfo>())
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)];
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
