using SmartRetry.Functions.Shared.Telemetry;

namespace SmartRetry.Functions.Tests.Shared.Telemetry;

/// <summary>How the worker reads the authentication string the host reads too, so both sign exports with one identity.</summary>
public sealed class TelemetryServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData("ClientId=4d1c2a9e-0000-4000-8000-000000000001;Authorization=AAD", "4d1c2a9e-0000-4000-8000-000000000001")]
    [InlineData(" authorization = aad ; clientid = 4d1c2a9e-0000-4000-8000-000000000002 ", "4d1c2a9e-0000-4000-8000-000000000002")]
    public void A_user_assigned_identity_is_taken_with_its_client_id(string authenticationString, string clientId)
    {
        Assert.Equal(clientId, TelemetryServiceCollectionExtensions.EntraAuthenticationFrom(authenticationString)?.ClientId);
        Assert.NotNull(TelemetryServiceCollectionExtensions.ManagedIdentityFrom(authenticationString));
    }

    [Fact]
    public void Authorization_AAD_without_a_client_id_is_the_system_assigned_identity()
    {
        TelemetryServiceCollectionExtensions.EntraAuthentication? identity = TelemetryServiceCollectionExtensions.EntraAuthenticationFrom("Authorization=AAD");

        Assert.NotNull(identity);
        Assert.Null(identity.ClientId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=4d1c2a9e-0000-4000-8000-000000000001")]
    [InlineData("ClientId=4d1c2a9e-0000-4000-8000-000000000001;Authorization=Key")]
    [InlineData("Authorization")]
    public void Without_Authorization_AAD_no_credential_is_used(string? authenticationString)
    {
        Assert.Null(TelemetryServiceCollectionExtensions.EntraAuthenticationFrom(authenticationString));
        Assert.Null(TelemetryServiceCollectionExtensions.ManagedIdentityFrom(authenticationString));
    }
}
