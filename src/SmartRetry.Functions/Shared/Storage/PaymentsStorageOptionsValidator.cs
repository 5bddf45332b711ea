using Microsoft.Extensions.Options;

namespace SmartRetry.Functions.Shared.Storage;

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
