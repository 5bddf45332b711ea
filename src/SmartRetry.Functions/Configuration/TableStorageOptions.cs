namespace SmartRetry.Functions.Configuration;

/// <summary>
/// Where the Payments tables live (section <c>Payments:Storage</c>). Locally a connection string (Azurite); in Azure the
/// table endpoint with a managed identity, never an account key. Payments binds its own settings from the same section.
/// </summary>
public sealed class TableStorageOptions
{
    public const string SectionName = "Payments:Storage";

    /// <summary>Local development and tests only (e.g. <c>UseDevelopmentStorage=true</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's table endpoint, e.g. <c>https://account.table.core.windows.net</c>.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>Client id of the user-assigned identity; when empty the default Azure credential chain is used.</summary>
    public string? ManagedIdentityClientId { get; set; }
}
