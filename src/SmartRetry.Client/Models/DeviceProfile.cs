using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>The payer's device, for 3DS and fraud scoring.</summary>
public sealed record DeviceProfile
{
    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; init; }

    [JsonPropertyName("os_name")]
    public string? OsName { get; init; }

    [JsonPropertyName("os_version")]
    public string? OsVersion { get; init; }

    [JsonPropertyName("browser_name")]
    public string? BrowserName { get; init; }

    [JsonPropertyName("browser_version")]
    public string? BrowserVersion { get; init; }

    /// <summary>ISO 639-3 (three letters).</summary>
    [JsonPropertyName("browser_language")]
    public string? BrowserLanguage { get; init; }
}
