using System.Reflection;
using SmartRetry.Client;
using SmartRetry.Payments.Ledger;

namespace SmartRetry.Functions.Tests.Architecture;

/// <summary>
/// Dependencies point one way, Functions → Payments → Client: the client and the payments logic never reference the
/// Functions host or a Durable Task host (client, worker, gRPC), so they run and are tested without one. Orchestrations
/// are written on Durable Task's own <c>TaskOrchestrationContext</c>, whose abstractions assembly has no host.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] HostAssemblyPrefixes =
        ["Microsoft.Azure.Functions", "Microsoft.Azure.WebJobs", "Microsoft.DurableTask.Client", "Microsoft.DurableTask.Worker", "Microsoft.DurableTask.Grpc"];

    public static TheoryData<string> HostAgnosticAssemblies => [typeof(SmartRetryClient).Assembly.GetName().Name!, typeof(IPaymentLedger).Assembly.GetName().Name!];

    [Theory]
    [MemberData(nameof(HostAgnosticAssemblies))]
    public void Client_and_Payments_reference_no_Functions_or_Durable_Task_host_assembly(string assemblyName)
    {
        Assembly assembly = Assembly.Load(assemblyName);

        string[] offending = [.. assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => HostAssemblyPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))];

        Assert.Empty(offending);
    }

    [Fact]
    public void The_client_references_nothing_of_Payments_or_the_host()
    {
        string[] references = [.. typeof(SmartRetryClient).Assembly.GetReferencedAssemblies().Select(reference => reference.Name!)];

        Assert.DoesNotContain(references, name => name.StartsWith("SmartRetry.", StringComparison.Ordinal));
    }
}
