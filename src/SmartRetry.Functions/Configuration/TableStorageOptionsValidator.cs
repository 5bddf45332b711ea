using Microsoft.Extensions.Options;

namespace SmartRetry.Functions.Configuration;

/// <summary>Fails start-up unless exactly one way to reach the tables is configured, and that way is usable.</summary>
internal sealed class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    private const string Section = "Payments:Storage:";

    public ValidateOptionsResult Validate(string? name, TableStorageOptions options)
    {
        bool hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        bool hasServiceUri = !string.IsNullOrWhiteSpace(options.TableServiceUri);
        if (hasConnectionString == hasServiceUri)
        {
            return ValidateOptionsResult.Fail(
                $"Set exactly one of {Section}{nameof(TableStorageOptions.ConnectionString)} (local) or {Section}{nameof(TableStorageOptions.TableServiceUri)} (Azure).");
        }

        var failures = new List<string>();
        if (hasServiceUri
            && (!Uri.TryCreate(options.TableServiceUri, UriKind.Absolute, out Uri? serviceUri) || serviceUri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{Section}{nameof(TableStorageOptions.TableServiceUri)} must be an absolute https URI.");
        }

        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            if (!hasServiceUri)
            {
                failures.Add($"{Section}{nameof(TableStorageOptions.ManagedIdentityClientId)} applies only with {Section}{nameof(TableStorageOptions.TableServiceUri)}.");
            }

            if (!Guid.TryParse(options.ManagedIdentityClientId, out _))
            {
                failures.Add($"{Section}{nameof(TableStorageOptions.ManagedIdentityClientId)} must be a client id (GUID).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
