using System.Reflection;
using SmartRetry.Client;

namespace SmartRetry.Functions.Tests.Architecture;

/// <summary>The client package stands alone: no Azure, Functions or Durable Task dependency, nothing of the app.</summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] ForbiddenPrefixes = ["SmartRetry.", "Azure.", "Microsoft.Azure.", "Microsoft.DurableTask"];

    [Fact]
    public void The_client_references_no_Azure_Functions_Durable_Task_or_app_assembly()
    {
        string[] references = [.. typeof(SmartRetryClient).Assembly.GetReferencedAssemblies().Select(reference => reference.Name!)];

        Assert.Contains("RestSharp", references);
        Assert.DoesNotContain(references, name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }
}
