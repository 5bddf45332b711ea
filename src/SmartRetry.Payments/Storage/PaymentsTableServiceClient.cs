using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace SmartRetry.Payments.Storage;

/// <summary>The app's one <see cref="TableServiceClient"/>, from validated settings: a connection string locally, a managed identity in Azure.</summary>
public static class PaymentsTableServiceClient
{
    public static TableServiceClient Create(PaymentsStorageOptions options, TableClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }

        TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        return new TableServiceClient(options.TableServiceUri!, credential, clientOptions);
    }
}
