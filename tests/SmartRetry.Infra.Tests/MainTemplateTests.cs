using System.Text.RegularExpressions;
using SmartRetry.Infra.Tests.Arm;
using SmartRetry.Infra.Tests.Bicep;

namespace SmartRetry.Infra.Tests;

[Collection(InfrastructureTests.Name)]
public sealed class MainTemplateTests(CompiledInfrastructure infrastructure)
{
    private readonly CompiledInfrastructure.Deployment deployment = infrastructure.Production;

    [Fact]
    public void Outputs_name_the_app_its_host_and_the_webhook_URL_to_register()
    {
        var site = deployment.One(AzureTypes.Site);
        var hostName = new ArmUnknown($"reference({site.Id}).defaultHostName");

        Assert.Equal(site.Name, deployment.Outputs["FUNCTION_APP_NAME"]);
        Assert.Equal(hostName, deployment.Outputs["FUNCTION_APP_HOST_NAME"]);
        Assert.Equal($"https://{hostName}/api/webhooks/smartretry", deployment.Outputs["SMARTRETRY_WEBHOOK_URL"]);
        Assert.Equal(deployment.One(AzureTypes.KeyVault).Name, deployment.Outputs["KEY_VAULT_NAME"]);
    }

    [Fact]
    public void Template_never_lists_keys_or_builds_a_storage_connection_string()
    {
        var template = infrastructure.TemplateText;

        Assert.DoesNotMatch(new Regex(@"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase), template);
        Assert.DoesNotContain("AccountKey", template, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DefaultEndpointsProtocol", template, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature", template, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_regional_resource_is_in_the_chosen_location_and_tagged_with_the_environment()
    {
        var regional = deployment.Resources.Where(resource => resource.Body.ContainsKey("location")).ToList();

        Assert.Equal(
            new[] { AzureTypes.Identity, AzureTypes.StorageAccount, AzureTypes.Workspace, AzureTypes.AppInsights, AzureTypes.KeyVault, AzureTypes.Plan, AzureTypes.Site }.Order(StringComparer.Ordinal),
            regional.Select(resource => resource.Type).Order(StringComparer.Ordinal));
        Assert.All(regional, resource =>
        {
            Assert.Equal("swedencentral", resource.Member("location"));
            Assert.Equal("prod", resource.Body.At("tags", "azd-env-name"));
        });
    }

    [Fact]
    public void Secret_parameters_are_secure_so_deployments_never_log_them()
    {
        var parameters = System.Text.Json.JsonDocument.Parse(infrastructure.TemplateText).RootElement.GetProperty("parameters");

        foreach (var name in new[] { "smartRetryApiKey", "smartRetryWebhookSecret", "sealingKey", "cardFingerprintKey" })
        {
            Assert.Equal("securestring", parameters.GetProperty(name).GetProperty("type").GetString());
        }
    }
}
