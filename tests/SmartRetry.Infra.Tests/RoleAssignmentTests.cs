using SmartRetry.Infra.Tests.Arm;
using SmartRetry.Infra.Tests.Bicep;

namespace SmartRetry.Infra.Tests;

[Collection(InfrastructureTests.Name)]
public sealed class RoleAssignmentTests(CompiledInfrastructure infrastructure)
{
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    /// <summary>Built-in role definition ids, as Azure publishes them, and the resource each must be scoped to.</summary>
    public static TheoryData<string, string, string> AppRoles { get; } = new()
    {
        { "Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", AzureTypes.StorageAccount },
        { "Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", AzureTypes.StorageAccount },
        { "Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", AzureTypes.StorageAccount },
        { "Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", AzureTypes.AppInsights },
        { "Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", AzureTypes.KeyVault },
    };

    [Theory]
    [MemberData(nameof(AppRoles))]
    public void App_identity_holds_the_role_on_exactly_the_resource_that_needs_it(string role, string roleDefinitionId, string scopeType)
    {
        var deployment = infrastructure.Production;
        var scope = deployment.One(scopeType);

        var assignment = Assert.Single(AssignmentsTo(deployment, AppPrincipal(deployment)), assignment => Is(assignment, roleDefinitionId));

        Assert.True(Equals(scope.Id, assignment.Member("scope")), $"{role} is scoped to {assignment.Member("scope")}, not {scope.Id}");
        Assert.Equal("ServicePrincipal", assignment.Properties["principalType"]);
    }

    [Fact]
    public void App_identity_holds_no_other_role()
    {
        var deployment = infrastructure.Production;

        var roles = AssignmentsTo(deployment, AppPrincipal(deployment)).Select(assignment => assignment.Properties["roleDefinitionId"]);

        Assert.Equal(AppRoles.Select(row => RoleDefinition((string)row[1])).Order(), roles.Order());
    }

    [Fact]
    public void Deploying_principal_may_manage_secret_values_but_not_read_keys_or_change_the_vault()
    {
        var deployment = infrastructure.Production;
        var principalId = CompiledInfrastructure.ProductionEnvironment["AZURE_PRINCIPAL_ID"];

        var assignment = Assert.Single(AssignmentsTo(deployment, principalId));

        Assert.True(Is(assignment, KeyVaultSecretsOfficer));
        Assert.Equal(deployment.One(AzureTypes.KeyVault).Id, assignment.Member("scope"));
        Assert.Equal("ServicePrincipal", assignment.Properties["principalType"]);
    }

    [Fact]
    public async Task Without_a_deploying_principal_nobody_else_gets_a_role()
    {
        var environment = CompiledInfrastructure.ProductionEnvironment
            .Where(variable => !variable.Key.StartsWith("AZURE_PRINCIPAL_", StringComparison.Ordinal))
            .ToDictionary();

        var deployment = await infrastructure.DeployAsync(environment);

        Assert.All(deployment.OfType(AzureTypes.RoleAssignment), assignment => Assert.Equal(AppPrincipal(deployment), assignment.Properties["principalId"]));
    }

    private static ArmUnknown AppPrincipal(CompiledInfrastructure.Deployment deployment) =>
        new($"reference({deployment.One(AzureTypes.Identity).Id}).principalId");

    private static IEnumerable<DeployedResource> AssignmentsTo(CompiledInfrastructure.Deployment deployment, object principalId) =>
        deployment.OfType(AzureTypes.RoleAssignment).Where(assignment => Equals(principalId, assignment.Properties["principalId"]));

    private static bool Is(DeployedResource assignment, string roleDefinitionId) =>
        Equals(RoleDefinition(roleDefinitionId), assignment.Properties["roleDefinitionId"]);

    private static string RoleDefinition(string id) => $"Microsoft.Authorization/roleDefinitions/{id}";
}
