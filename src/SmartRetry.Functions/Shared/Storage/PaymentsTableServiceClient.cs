using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace SmartRetry.Functions.Shared.Storage;

/// <summary>The app's one <see cref="TableServiceClient"/>, from validated settings: a connection string locally, a managed identity in Azure.</summary>
public static class PaymentsTableServiceClient
{
    public static TableServiceClient Create(PaymentsStorageOptions options, TableClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        clientOptions ??= new TableClientOptions();

        // Bounded, so a request meeting storage that stopped answering fails in seconds (and is answered 503) rather
        // than after the SDK's default of minutes; activities that fail so are retried by their Durable retry policy.
        clientOptions.Retry.NetworkTimeout = options.TryTimeout;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
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
