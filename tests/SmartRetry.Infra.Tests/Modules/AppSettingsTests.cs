using SmartRetry.Infra.Tests.Arm;
using SmartRetry.Infra.Tests.Bicep;

namespace SmartRetry.Infra.Tests.Modules;

[Collection(InfrastructureTests.Name)]
public sealed class AppSettingsTests(CompiledInfrastructure infrastructure)
{
    private readonly CompiledInfrastructure.Deployment deployment = infrastructure.Production;

    [Fact]
    public void Names_are_exactly_the_configuration_contract()
    {
        string[] expected =
        [
            "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "TaskHubName",
            "SmartRetry__BaseUrl", "SmartRetry__TerminalId", "SmartRetry__ApiKey", "SmartRetry__WebhookSecret",
            "Payments__Storage__TableServiceUri", "Payments__Storage__ManagedIdentityClientId", "Payments__Storage__TableNamePrefix",
            "Payments__Sealing__CurrentKeyId", "Payments__Sealing__Keys__k2", "Payments__Sealing__Keys__k1",
            "Payments__Cards__FingerprintKey",
            "Payments__Maintenance__RetentionDays", "Payments__Reconciliation__Schedule",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), deployment.AppSettings().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("SmartRetry__ApiKey", "smartretry-api-key")]
    [InlineData("SmartRetry__WebhookSecret", "smartretry-webhook-secret")]
    [InlineData("Payments__Sealing__Keys__k2", "sealing-key-k2")]
    [InlineData("Payments__Sealing__Keys__k1", "sealing-key-k1")]
    [InlineData("Payments__Cards__FingerprintKey", "card-fingerprint-key")]
    public void Every_secret_is_a_versionless_Key_Vault_reference_into_the_app_s_vault(string setting, string secretName)
    {
        var vault = deployment.One(AzureTypes.KeyVault);

        var reference = KeyVaultReference.Parse(deployment.AppSettings()[setting]);

        Assert.Equal(new KeyVaultReference(new ArmUnknown($"reference({vault.Id}).vaultUri").ToString(), secretName), reference);
    }

    [Fact]
    public void Only_the_secrets_are_Key_Vault_references()
    {
        var references = deployment.AppSettings().Where(setting => KeyVaultReference.Parse(setting.Value) is not null).Select(setting => setting.Key);

        Assert.Equal(
            ["Payments__Cards__FingerprintKey", "Payments__Sealing__Keys__k1", "Payments__Sealing__Keys__k2", "SmartRetry__ApiKey", "SmartRetry__WebhookSecret"],
            references.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Host_storage_and_ledger_tables_are_reached_with_the_managed_identity()
    {
        var settings = deployment.AppSettings();
        var account = deployment.One(AzureTypes.StorageAccount);
        var clientId = ClientIdOfAppIdentity();

        Assert.Equal(account.Name, settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(clientId, settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal(new ArmUnknown($"reference({account.Id}).primaryEndpoints.table"), settings["Payments__Storage__TableServiceUri"]);
        Assert.Equal(clientId, settings["Payments__Storage__ManagedIdentityClientId"]);
    }

    [Fact]
    public void Telemetry_is_sent_with_the_managed_identity()
    {
        var settings = deployment.AppSettings();
        var appInsights = deployment.One(AzureTypes.AppInsights);

        Assert.Equal(new ArmUnknown($"reference({appInsights.Id}).ConnectionString"), settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal($"ClientId={ClientIdOfAppIdentity()};Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void Plain_settings_carry_the_environment_s_parameters()
    {
        var settings = deployment.AppSettings();

        Assert.Equal("https://api.smartretry.com", settings["SmartRetry__BaseUrl"]);
        Assert.Equal("TERM01", settings["SmartRetry__TerminalId"]);
        Assert.Equal("k2", settings["Payments__Sealing__CurrentKeyId"]);
        Assert.Equal("smartretry", settings["Payments__Storage__TableNamePrefix"]);
        Assert.Equal("30", settings["Payments__Maintenance__RetentionDays"]);
        Assert.Equal("0 * * * * *", settings["Payments__Reconciliation__Schedule"]);
        Assert.Equal($"SmartRetry{new ArmUnknown($"uniqueString({new ArmUnknown("resourceGroup().id")}, prod)")}", settings["TaskHubName"]);
    }

    [Fact]
    public async Task Variables_a_pipeline_exports_empty_fall_back_to_the_defaults()
    {
        var environment = new Dictionary<string, string>(CompiledInfrastructure.ProductionEnvironment)
        {
            ["SMARTRETRY_BASE_URL"] = "",
            ["SMARTRETRY_SEALING_KEY_ID"] = "",
            ["SMARTRETRY_SEALING_RETIRED_KEY_IDS"] = "",
        };

        var settings = (await infrastructure.DeployAsync(environment)).AppSettings();

        Assert.Equal("https://api.smartretry.com", settings["SmartRetry__BaseUrl"]);
        Assert.Equal("k1", settings["Payments__Sealing__CurrentKeyId"]);
        Assert.Equal(["Payments__Sealing__Keys__k1"], settings.Keys.Where(name => name.StartsWith("Payments__Sealing__Keys__", StringComparison.Ordinal)));
    }

    [Fact]
    public void No_setting_holds_a_storage_key_or_connection_string()
    {
        var settings = deployment.AppSettings();

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain("Payments__Storage__ConnectionString", settings.Keys);
        Assert.All(settings.Values.Select(ArmTemplateScope.Render), value =>
        {
            Assert.DoesNotContain("AccountKey", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DefaultEndpointsProtocol", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", value, StringComparison.OrdinalIgnoreCase);
        });
    }

    private ArmUnknown ClientIdOfAppIdentity() => new($"reference({deployment.One(AzureTypes.Identity).Id}).clientId");
}
