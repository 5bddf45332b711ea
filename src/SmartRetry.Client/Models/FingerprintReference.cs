using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>A reference to a stored card profile by its 88-character fingerprint.</summary>
public sealed record FingerprintReference([property: JsonPropertyName("fingerprint")] string Fingerprint);
