using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.Loader;
using SmartRetry.Functions.Durable;
using SmartRetry.Payments.Ledger;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace SmartRetry.Functions.Tests.Architecture;

/// <summary>
/// The eShop layout, read from the compiled code (method bodies included): Sales, Refunds, Recurring and Webhooks are
/// features that use the shared core and never each other, in Payments and in the host alike; the core uses no
/// feature. Only the composition roots (Payments' DependencyInjection, the host's Program and Hosting) see them all.
/// </summary>
public sealed class FeatureRuleTests
{
    private static readonly string[] Features = ["Sales", "Refunds", "Recurring", "Webhooks"];

    private static readonly ArchUnitNET.Domain.Architecture Code = new ArchLoader()
        .LoadAssemblies(typeof(IPaymentLedger).Assembly, typeof(IWorkflowClientFactory).Assembly)
        .Build();

    public static TheoryData<string> FeatureNames => [.. Features];

    [Theory]
    [MemberData(nameof(FeatureNames))]
    public void A_feature_uses_no_other_feature(string feature)
    {
        IArchRule rule = InFeatures([feature]).Should().NotDependOnAny(InFeatures(Features.Where(other => other != feature)));

        AssertHolds(rule);
    }

    [Fact]
    public void The_core_uses_no_feature()
    {
        GivenTypesConjunction core = Types().That().ResideInNamespaceOrBelow("SmartRetry.Payments")
            .And().DoNotResideInNamespaceOrBelow("SmartRetry.Payments.DependencyInjection");
        foreach (string feature in Namespaces(Features))
        {
            core = core.And().DoNotResideInNamespaceOrBelow(feature);
        }

        IArchRule rule = core.Should().NotDependOnAny(InFeatures(Features));

        AssertHolds(rule);
    }

    [Fact]
    public void The_rules_see_the_features_they_guard()
    {
        // A rule over namespaces that match nothing would pass for the wrong reason.
        foreach (string feature in Features)
        {
            Assert.NotEmpty(InFeatures([feature]).GetObjects(Code));
        }
    }

    private static void AssertHolds(IArchRule rule)
    {
        string[] violations = [.. rule.Evaluate(Code).Where(result => !result.Passed).Select(result => result.Description)];
        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));
    }

    // A feature's namespaces, in Payments and in the host: SmartRetry.Payments.Sales, SmartRetry.Functions.Http.Sales, ...
    private static IEnumerable<string> Namespaces(IEnumerable<string> features) =>
        features.SelectMany(feature => new[] { $"SmartRetry.Payments.{feature}", $"SmartRetry.Functions.Http.{feature}", $"SmartRetry.Functions.Workflows.{feature}" });

    private static GivenTypesConjunction InFeatures(IEnumerable<string> features)
    {
        string[] namespaces = [.. Namespaces(features)];
        var types = Types().That().ResideInNamespaceOrBelow(namespaces[0]);
        foreach (string ns in namespaces.Skip(1))
        {
            types = types.Or().ResideInNamespaceOrBelow(ns);
        }

        return types;
    }
}
