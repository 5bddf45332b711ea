using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SmartRetry.Client.Webhooks;

/// <summary>
/// HMAC-SHA256 keyed with one webhook secret, kept per thread and reset after each use. Keying an HMAC (the padded
/// inner and outer key blocks, and on Linux a new OpenSSL context) costs more than hashing a 1 KiB body, and a process
/// verifies every delivery with the same secret. The key stays in the HMAC state as long as the thread does; the secret
/// itself is held by the options for the life of the process anyway.
/// </summary>
internal sealed class WebhookMac
{
    private const int MaxStackSecretBytes = 256;

    [ThreadStatic]
    private static WebhookMac? current;

    private readonly string secret;
    private readonly IncrementalHash hmac;

    private WebhookMac(string secret)
    {
        this.secret = secret;
        int length = Encoding.UTF8.GetByteCount(secret);
        byte[]? rented = length > MaxStackSecretBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> key = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        try
        {
            Encoding.UTF8.GetBytes(secret, key);
            hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes HMAC-SHA256(<paramref name="secret"/>, <paramref name="timestamp"/> + "." + <paramref name="body"/>).</summary>
    /// <param name="timestamp">ASCII digits, as checked by the caller.</param>
    public static void Compute(string secret, ReadOnlySpan<char> timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        WebhookMac? mac = current;
        if (mac is null || !string.Equals(mac.secret, secret, StringComparison.Ordinal))
        {
            mac?.hmac.Dispose();
            current = mac = new WebhookMac(secret);
        }

        // The signed message is the timestamp exactly as sent, a dot, and the body bytes exactly as received, hashed
        // in place rather than copied together.
        Span<byte> prefix = stackalloc byte[timestamp.Length + 1];
        int written = Encoding.ASCII.GetBytes(timestamp, prefix);
        prefix[written] = (byte)'.';
        mac.hmac.AppendData(prefix);
        mac.hmac.AppendData(body);
        mac.hmac.GetHashAndReset(destination);
    }
}
