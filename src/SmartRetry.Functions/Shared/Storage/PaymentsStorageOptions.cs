namespace SmartRetry.Functions.Shared.Storage;

/// <summary>
/// Configuration section <c>Payments:Storage</c>: where the app's tables live. Locally a connection string
/// (Azurite); in Azure the table endpoint with a managed identity, so no account key exists anywhere.
/// </summary>
public sealed class PaymentsStorageOptions
{
    public const string SectionName = "Payments:Storage";
    public const int MaxTableNamePrefixLength = 40;

    /// <summary>Local and Azurite only.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's table endpoint, e.g. <c>https://account.table.core.windows.net</c>; used when no connection string is set.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity; when empty, the default Azure credential chain is used.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix of every table name, so environments sharing an account never collide: letters and digits, starting with a letter.</summary>
    public string TableNamePrefix { get; set; } = "smartretry";

    /// <summary>
    /// How long one storage call waits for its answer before the SDK tries again (its default is 100 s). With
    /// <see cref="MaxRetries"/> it bounds how long a request can wait on storage that stopped answering: 3 tries of
    /// 3 s by default, so the request answers 503 within about 10 s instead of hanging.
    /// </summary>
    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many times a failed or unanswered storage call is tried again (the SDK's default is 3).</summary>
    public int MaxRetries { get; set; } = 2;
}
