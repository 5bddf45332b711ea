using SmartRetry.Functions.Configuration;

namespace SmartRetry.Functions.Tests.Configuration;

public sealed class TableStorageOptionsValidatorTests
{
    private static readonly TableStorageOptionsValidator Validator = new();

    [Theory]
    [InlineData("UseDevelopmentStorage=true", null, null)]
    [InlineData(null, "https://srprod.table.core.windows.net", null)]
    [InlineData(null, "https://srprod.table.core.windows.net", "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    public void Accepts_a_connection_string_or_an_https_endpoint_with_an_optional_identity(string? connectionString, string? serviceUri, string? clientId)
    {
        var options = new TableStorageOptions { ConnectionString = connectionString, TableServiceUri = serviceUri, ManagedIdentityClientId = clientId };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(null, null, null, "Set exactly one of Payments:Storage:ConnectionString")]
    [InlineData("UseDevelopmentStorage=true", "https://srprod.table.core.windows.net", null, "Set exactly one of Payments:Storage:ConnectionString")]
    [InlineData(null, "http://srprod.table.core.windows.net", null, "Payments:Storage:TableServiceUri must be an absolute https URI")]
    [InlineData(null, "srprod.table.core.windows.net", null, "Payments:Storage:TableServiceUri must be an absolute https URI")]
    [InlineData(null, "https://srprod.table.core.windows.net", "not-a-guid", "Payments:Storage:ManagedIdentityClientId must be a client id")]
    [InlineData("UseDevelopmentStorage=true", null, "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Payments:Storage:ManagedIdentityClientId applies only with")]
    public void Rejects_unusable_settings_naming_the_key(string? connectionString, string? serviceUri, string? clientId, string expectedMessage)
    {
        var options = new TableStorageOptions { ConnectionString = connectionString, TableServiceUri = serviceUri, ManagedIdentityClientId = clientId };

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expectedMessage, result.FailureMessage, StringComparison.Ordinal);
    }
}
