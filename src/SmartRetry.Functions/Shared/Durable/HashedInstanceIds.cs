using System.Security.Cryptography;
using System.Text;

namespace SmartRetry.Functions.Shared.Durable;

/// <summary>
/// Orchestration instance ids derived from a merchant's key, so a repeated request finds the same instance: a prefix and 128
/// bits of the key's SHA-256 in lower-case hex. The hash keeps any key (slashes, '@', any length) a valid Durable
/// instance id and table key; collisions between keys are not a practical concern.
/// </summary>
internal static class HashedInstanceIds
{
    private const int HashHexLength = 32;

    public static string For(string prefix, string key) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..HashHexLength];

    /// <summary>True for a string shaped like an id <see cref="For"/> makes with <paramref name="prefix"/>.</summary>
    public static bool IsWellFormed(string prefix, string? id) =>
        id is not null
        && id.Length == prefix.Length + HashHexLength
        && id.StartsWith(prefix, StringComparison.Ordinal)
        && id[prefix.Length..].All(char.IsAsciiHexDigitLower);
}
