using Microsoft.Extensions.Options;

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

/// <summary>
/// Fails start-up, naming the setting, unless exactly one way to reach the tables is configured and usable: a
/// connection string locally, or an https table endpoint (with an optional user-assigned identity) in Azure.
/// </summary>
public sealed class PaymentsStorageOptionsValidator : IValidateOptions<PaymentsStorageOptions>
{
    private const string Section = "Payments:Storage:";

    public ValidateOptionsResult Validate(string? name, PaymentsStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        bool hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        bool hasServiceUri = options.TableServiceUri is not null;
        if (hasConnectionString == hasServiceUri)
        {
            failures.Add($"Set exactly one of {Section}ConnectionString (local, Azurite) or {Section}TableServiceUri (Azure, managed identity).");
        }

        if (options.TableServiceUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{Section}TableServiceUri must be an absolute https URI.");
        }

        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            if (!hasServiceUri)
            {
                failures.Add($"{Section}ManagedIdentityClientId applies only with {Section}TableServiceUri.");
            }

            if (!Guid.TryParse(options.ManagedIdentityClientId, out _))
            {
                failures.Add($"{Section}ManagedIdentityClientId must be a client id (GUID).");
            }
        }

        string prefix = options.TableNamePrefix ?? "";
        if (prefix.Length is 0 or > PaymentsStorageOptions.MaxTableNamePrefixLength
            || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            failures.Add($"{Section}TableNamePrefix must be 1 to {PaymentsStorageOptions.MaxTableNamePrefixLength} letters or digits, starting with a letter.");
        }

        if (options.TryTimeout < TimeSpan.FromMilliseconds(100) || options.TryTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add($"{Section}TryTimeout must be between 00:00:00.1 and 00:02:00.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{Section}MaxRetries must be between 0 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
