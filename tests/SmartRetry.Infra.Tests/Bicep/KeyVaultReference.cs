using System.Text.RegularExpressions;

namespace SmartRetry.Infra.Tests.Bicep;

/// <summary>An App Service Key Vault reference app setting value, <c>@Microsoft.KeyVault(SecretUri=(SecretUri=&lt;vault&gt;secrets/&lt;name&gt;)lt;vault uri(SecretUri=&lt;vault&gt;secrets/&lt;name&gt;)gt;secrets/(SecretUri=&lt;vault&gt;secrets/&lt;name&gt;)lt;name(SecretUri=&lt;vault&gt;secrets/&lt;name&gt;)gt;)</c>.</summary>
public sealed partial record KeyVaultReference(string VaultUri, string SecretName)
{
    public static KeyVaultReference? Parse(object? settingValue)
    {
        var match = settingValue is string text ? Pattern().Match(text) : Match.Empty;
        return match.Success ? new KeyVaultReference(match.Groups["vault"].Value, match.Groups["secret"].Value) : null;
    }

    // Versionless (no /<version> after the name), so a rotated secret is picked up without a redeployment.
    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=(?<vault>.+)secrets/(?<secret>[0-9A-Za-z-]+)\)$")]
    private static partial Regex Pattern();
}
