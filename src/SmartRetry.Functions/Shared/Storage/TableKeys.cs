using System.Security.Cryptography;
using System.Text;

namespace SmartRetry.Functions.Shared.Storage;

/// <summary>
/// Partition and row keys. Partitions are a short hash prefix of the id, so writes spread over 256 partitions instead
/// of piling onto one; rows are the id itself, escaped when it holds a character Azure Tables forbids in keys.
/// </summary>
internal static class TableKeys
{
    private const char EscapeMarker = '~';
    private const int MaxIdLength = 512;

    /// <summary>The partition for <paramref name="id"/>: <paramref name="scope"/>, a dash and two hex digits of its SHA-256.</summary>
    public static string Partition(string scope, string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        return $"{scope}-{hash[0]:x2}";
    }

    /// <summary>
    /// The row key for <paramref name="id"/>: the id itself when it is a legal key; otherwise <c>~</c> and its base64url;
    /// beyond <see cref="MaxIdLength"/> characters (keys are capped at 1 KiB), <c>~~</c> and its SHA-256. The three
    /// forms cannot collide: base64url never starts with <c>~</c>.
    /// </summary>
    public static string Row(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Length > MaxIdLength)
        {
            return $"{EscapeMarker}{EscapeMarker}{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))}";
        }

        return id[0] != EscapeMarker && id.All(IsAllowed)
            ? id
            : EscapeMarker + Convert.ToBase64String(Encoding.UTF8.GetBytes(id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static bool IsAllowed(char c) => c is not ('/' or '\\' or '#' or '?') && !char.IsControl(c);
}
