using System.Globalization;
using SmartRetry.Infra.Tests.Arm;
using SmartRetry.Infra.Tests.Bicep;

namespace SmartRetry.Infra.Tests.Modules;

[Collection(InfrastructureTests.Name)]
public sealed class FunctionAppTests(CompiledInfrastructure infrastructure)
{
    private readonly CompiledInfrastructure.Deployment deployment = infrastructure.Production;

    [Fact]
    public void Plan_is_Flex_Consumption_FC1_on_Linux()
    {
        var plan = deployment.One(AzureTypes.Plan);

        Assert.Equal("FC1", plan.Body.At("sku", "name"));
        Assert.Equal("FlexConsumption", plan.Body.At("sku", "tier"));
        Assert.Equal(true, plan.Properties["reserved"]);
        Assert.Equal(plan.Id, deployment.One(AzureTypes.Site).Properties["serverFarmId"]);
    }

    [Fact]
    public void App_runs_dotnet_isolated_10_on_Linux()
    {
        var site = deployment.One(AzureTypes.Site);

        Assert.Equal("functionapp,linux", site.Member("kind"));
        Assert.Equal("dotnet-isolated", site.Properties.At("functionAppConfig", "runtime", "name"));
        Assert.Equal("10.0", site.Properties.At("functionAppConfig", "runtime", "version"));
    }

    [Fact]
    public void App_accepts_HTTPS_only_with_TLS_1_2_or_later()
    {
        var properties = deployment.One(AzureTypes.Site).Properties;

        Assert.Equal(true, properties["httpsOnly"]);
        Assert.True(decimal.Parse((string)properties.At("siteConfig", "minTlsVersion")!, CultureInfo.InvariantCulture) >= 1.2m);
        Assert.True(decimal.Parse((string)properties.At("siteConfig", "scmMinTlsVersion")!, CultureInfo.InvariantCulture) >= 1.2m);
    }

    [Fact]
    public void App_runs_as_the_user_assigned_identity_and_resolves_Key_Vault_references_with_it()
    {
        var site = deployment.One(AzureTypes.Site);
        var identity = deployment.One(AzureTypes.Identity);

        Assert.Equal("UserAssigned", site.Body.At("identity", "type"));
        Assert.Equal([identity.Id], site.Body.Members("identity", "userAssignedIdentities").Keys);
        Assert.Equal(identity.Id, site.Properties["keyVaultReferenceIdentity"]);
    }

    [Fact]
    public void App_package_is_deployed_to_the_deployment_container_with_the_identity()
    {
        var storage = deployment.One(AzureTypes.StorageAccount);
        var container = (string)deployment.One(AzureTypes.BlobContainer).Name!;
        var identity = deployment.One(AzureTypes.Identity);

        var packageStorage = deployment.One(AzureTypes.Site).Properties.Members("functionAppConfig", "deployment", "storage");

        Assert.Equal("blobContainer", packageStorage["type"]);
        Assert.Equal($"{new ArmUnknown($"reference({storage.Id}).primaryEndpoints.blob")}{container[(container.LastIndexOf('/') + 1)..]}", packageStorage["value"]);
        Assert.Equal("UserAssignedIdentity", packageStorage.At("authentication", "type"));
        Assert.Equal(identity.Id, packageStorage.At("authentication", "userAssignedIdentityResourceId"));
    }

    [Fact]
    public void Publishing_with_user_names_and_passwords_is_off()
    {
        var policies = deployment.OfType(AzureTypes.PublishingCredentialsPolicy);

        Assert.Equal(["ftp", "scm"], policies.Select(policy => ((string)policy.Name!).Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.All(policies, policy => Assert.Equal(false, policy.Properties["allow"]));
    }

    [Fact]
    public void App_is_tagged_as_the_azd_api_service()
    {
        var tags = deployment.One(AzureTypes.Site).Body.Members("tags");

        Assert.Equal("api", tags["azd-service-name"]);
    }
}
