using Microsoft.Extensions.Options;

namespace SmartRetry.Payments.Storage;

/// <summary>Fails start-up with an error naming the setting when storage is not configured usably.</summary>
public sealed class PaymentsStorageOptionsValidator : IValidateOptions<PaymentsStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentsStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString) && options.TableServiceUri is null)
        {
            failures.Add("Set Payments:Storage:ConnectionString (local/Azurite) or Payments:Storage:TableServiceUri (Azure, managed identity).");
        }

        if (options.TableServiceUri is { IsAbsoluteUri: false })
        {
            failures.Add("Payments:Storage:TableServiceUri must be an absolute URI.");
        }

        string prefix = options.TableNamePrefix ?? "";
        if (prefix.Length is 0 or > PaymentsStorageOptions.MaxTableNamePrefixLength
            || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            failures.Add($"Payments:Storage:TableNamePrefix must be 1 to {PaymentsStorageOptions.MaxTableNamePrefixLength} letters or digits, starting with a letter.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
