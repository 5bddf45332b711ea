using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartRetry.Simulator.Webhooks;

/// <summary>
/// SmartRetry's webhook signature (§6.4), written independently of the client: header
/// <c>X-SmartRetry-Signature: t=&lt;unix seconds&gt;,v1=&lt;lowercase hex HMAC-SHA256&gt;</c> over the ASCII
/// <c>t</c>, a literal <c>.</c>, then the raw body bytes, keyed by the secret's UTF-8 bytes.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-SmartRetry-Signature";

    public static string ComputeV1(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        byte[] prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        byte[] message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    public static string CreateHeader(string secret, DateTimeOffset signedAt, ReadOnlySpan<byte> body)
    {
        string timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={ComputeV1(secret, timestamp, body)}";
    }
}
