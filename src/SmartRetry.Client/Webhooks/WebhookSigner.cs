using System.Globalization;

namespace SmartRetry.Client.Webhooks;

/// <summary>
/// Signs a body as SmartRetry signs a delivery, for a receiver's tests: the header a real delivery of
/// <c>body</c> at <c>timestamp</c> would carry, which <see cref="WebhookVerifier"/> accepts with the same secret.
/// </summary>
public static class WebhookSigner
{
    /// <summary>The <see cref="WebhookVerifier.SignatureHeaderName"/> value, <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>.</summary>
    public static string ComputeSignatureHeader(ReadOnlySpan<byte> body, string secret, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        string t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Span<byte> mac = stackalloc byte[32];
        WebhookMac.Compute(secret, t, body, mac);
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
