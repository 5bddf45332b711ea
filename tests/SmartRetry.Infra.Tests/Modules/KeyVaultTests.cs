using SmartRetry.Infra.Tests.Arm;
using SmartRetry.Infra.Tests.Bicep;

namespace SmartRetry.Infra.Tests.Modules;

[Collection(InfrastructureTests.Name)]
public sealed class KeyVaultTests(CompiledInfrastructure infrastructure)
{
    [Fact]
    public void Vault_uses_RBAC_soft_delete_and_purge_protection()
    {
        var properties = infrastructure.Production.One(AzureTypes.KeyVault).Properties;

        Assert.Equal(true, properties["enableRbacAuthorization"]);
        Assert.Equal(true, properties["enableSoftDelete"]);
        Assert.Equal(true, properties["enablePurgeProtection"]);
        Assert.Equal(90L, properties["softDeleteRetentionInDays"]);
        Assert.False(properties.ContainsKey("accessPolicies"));
    }

    [Fact]
    public void Vault_audit_log_goes_to_the_Log_Analytics_workspace()
    {
        var deployment = infrastructure.Production;

        var settings = deployment.One(AzureTypes.DiagnosticSettings);

        Assert.Equal(deployment.One(AzureTypes.KeyVault).Id, settings.Member("scope"));
        Assert.Equal(deployment.One(AzureTypes.Workspace).Id, settings.Properties["workspaceId"]);
        var log = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<object?>>(settings.Properties["logs"])));
        Assert.Equal("audit", log["categoryGroup"]);
        Assert.Equal(true, log["enabled"]);
    }

    [Fact]
    public void Without_secret_values_the_deployment_leaves_the_vault_s_secrets_alone()
    {
        Assert.Empty(infrastructure.Production.OfType(AzureTypes.KeyVaultSecret));
    }

    [Fact]
    public async Task Given_secret_values_it_writes_each_under_the_name_the_app_references()
    {
        var environment = new Dictionary<string, string>(CompiledInfrastructure.ProductionEnvironment)
        {
            ["SMARTRETRY_API_KEY"] = "sk_live_example",
            ["SMARTRETRY_WEBHOOK_SECRET"] = "whsec_example",
            ["SMARTRETRY_SEALING_KEY"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            ["SMARTRETRY_CARD_FINGERPRINT_KEY"] = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
        };

        var deployment = await infrastructure.DeployAsync(environment);

        var vault = deployment.One(AzureTypes.KeyVault);
        var secrets = deployment.OfType(AzureTypes.KeyVaultSecret)
            .ToDictionary(secret => ((string)secret.Name!)[$"{vault.Name}/".Length..], secret => secret.Properties["value"]);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["smartretry-api-key"] = "sk_live_example",
                ["smartretry-webhook-secret"] = "whsec_example",
                ["sealing-key-k2"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                ["card-fingerprint-key"] = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
            },
            secrets);
        var references = deployment.AppSettings().Values.Select(KeyVaultReference.Parse).OfType<KeyVaultReference>().ToList();
        Assert.Subset(references.Select(reference => reference.SecretName).ToHashSet(), secrets.Keys.ToHashSet());
        Assert.All(references, reference => Assert.Equal(new ArmUnknown($"reference({vault.Id}).vaultUri").ToString(), reference.VaultUri));
    }
}
