using SmartRetry.Infra.Tests.Bicep;

namespace SmartRetry.Infra.Tests.Modules;

[Collection(InfrastructureTests.Name)]
public sealed class StorageTests(CompiledInfrastructure infrastructure)
{
    private readonly CompiledInfrastructure.Deployment deployment = infrastructure.Production;

    [Fact]
    public void Account_refuses_shared_keys_anonymous_blobs_and_plain_http()
    {
        var properties = deployment.One(AzureTypes.StorageAccount).Properties;

        Assert.Equal(false, properties["allowSharedKeyAccess"]);
        Assert.Equal(true, properties["defaultToOAuthAuthentication"]);
        Assert.Equal(false, properties["allowBlobPublicAccess"]);
        Assert.Equal(true, properties["supportsHttpsTrafficOnly"]);
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]);
    }

    [Fact]
    public void Deployment_container_is_a_private_container_of_the_account()
    {
        var account = deployment.One(AzureTypes.StorageAccount);
        var container = deployment.One(AzureTypes.BlobContainer);

        Assert.StartsWith($"{account.Name}/default/", (string)container.Name!, StringComparison.Ordinal);
        Assert.Equal("None", container.Properties["publicAccess"]);
    }
}
