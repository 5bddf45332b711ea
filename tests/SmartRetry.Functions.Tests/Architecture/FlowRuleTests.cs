using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.Loader;
using SmartRetry.Functions.Shared.Ledger;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace SmartRetry.Functions.Tests.Architecture;

/// <summary>
/// The layout, read from the compiled code (method bodies included): each flow is a folder of the app that uses what
/// the flows share (<c>Shared/</c>) and never another flow; the two kinds of series are flows of their own inside the
/// series API, which starts them; <c>Shared/</c> uses no flow. Only the composition root (<c>Program</c>, <c>Hosting/</c>)
/// sees them all.
/// </summary>
public sealed class FlowRuleTests
{
    private const string App = "SmartRetry.Functions";

    private static readonly string[] Flows = ["Sales", "Refunds", "Series", "Webhooks", "Maintenance", "Lookup"];

    private static readonly string[] SeriesKinds = ["Series.MerchantManaged", "Series.PlatformManaged"];

    private static readonly ArchUnitNET.Domain.Architecture Code = new ArchLoader().LoadAssemblies(typeof(IPaymentLedger).Assembly).Build();

    public static TheoryData<string> FlowNames => [.. Flows];

    public static TheoryData<string> SeriesKindNames => [.. SeriesKinds];

    [Theory]
    [MemberData(nameof(FlowNames))]
    public void A_flow_uses_no_other_flow(string flow) =>
        AssertHolds(In([flow]).Should().NotDependOnAny(In(Flows.Where(other => other != flow))));

    [Theory]
    [MemberData(nameof(SeriesKindNames))]
    public void A_kind_of_series_uses_neither_the_other_kind_nor_the_series_api(string kind)
    {
        string other = SeriesKinds.Single(k => k != kind);
        GivenTypesConjunction api = Types().That().ResideInNamespace($"{App}.Series");

        AssertHolds(In([kind]).Should().NotDependOnAny(In([other])));
        AssertHolds(In([kind]).Should().NotDependOnAny(api));
    }

    [Fact]
    public void What_the_flows_share_uses_no_flow() =>
        AssertHolds(In(["Shared"]).Should().NotDependOnAny(In(Flows)));

    [Fact]
    public void The_rules_see_the_folders_they_guard()
    {
        // A rule over namespaces that match nothing would pass for the wrong reason.
        foreach (string folder in Flows.Concat(SeriesKinds).Append("Shared"))
        {
            Assert.NotEmpty(In([folder]).GetObjects(Code));
        }
    }

    private static void AssertHolds(TypesShouldConjunction rule)
    {
        string[] violations = [.. rule.Evaluate(Code).Where(result => !result.Passed).Select(result => result.Description)];
        Assert.True(violations.Length == 0, string.Join(Environment.NewLine, violations));
    }

    private static GivenTypesConjunction In(IEnumerable<string> folders)
    {
        string[] namespaces = [.. folders.Select(folder => $"{App}.{folder}")];
        GivenTypesConjunction types = Types().That().ResideInNamespaceOrBelow(namespaces[0]);
        foreach (string ns in namespaces.Skip(1))
        {
            types = types.Or().ResideInNamespaceOrBelow(ns);
        }

        return types;
    }
}
