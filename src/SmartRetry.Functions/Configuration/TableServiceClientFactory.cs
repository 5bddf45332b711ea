using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace SmartRetry.Functions.Configuration;

/// <summary>Builds the one <see cref="TableServiceClient"/> of the app from validated <see cref="TableStorageOptions"/>.</summary>
internal static class TableServiceClientFactory
{
    public static TableServiceClient Create(TableStorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString);
        }

        return new TableServiceClient(new Uri(options.TableServiceUri!, UriKind.Absolute), CreateCredential(options.ManagedIdentityClientId));
    }

    private static TokenCredential CreateCredential(string? managedIdentityClientId) => string.IsNullOrWhiteSpace(managedIdentityClientId)
        ? new DefaultAzureCredential()
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));
}
