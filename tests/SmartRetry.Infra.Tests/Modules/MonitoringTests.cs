using SmartRetry.Infra.Tests.Bicep;

namespace SmartRetry.Infra.Tests.Modules;

[Collection(InfrastructureTests.Name)]
public sealed class MonitoringTests(CompiledInfrastructure infrastructure)
{
    private readonly CompiledInfrastructure.Deployment deployment = infrastructure.Production;

    [Fact]
    public void Application_Insights_accepts_Entra_tokens_only_and_stores_in_Log_Analytics()
    {
        var workspace = deployment.One(AzureTypes.Workspace);
        var properties = deployment.One(AzureTypes.AppInsights).Properties;

        Assert.Equal(true, properties["DisableLocalAuth"]);
        Assert.Equal(workspace.Id, properties["WorkspaceResourceId"]);
        Assert.Equal("LogAnalytics", properties["IngestionMode"]);
    }

    [Fact]
    public void Log_Analytics_workspace_accepts_Entra_tokens_only()
    {
        var properties = deployment.One(AzureTypes.Workspace).Properties;

        Assert.Equal(true, properties.At("features", "disableLocalAuth"));
    }
}
