using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using SmartRetry.Client;
using SmartRetry.Client.Webhooks;

namespace SmartRetry.Benchmarks.Client;

/// <summary>
/// <c>Webhooks.Verify</c> (header parsing, freshness, HMAC, constant-time compare, event parsing) on a 1 KiB body
/// against a bare <see cref="HMACSHA256.HashData(byte[], byte[])"/> of the same bytes (the signed payload:
/// timestamp, dot, body). Target: ≤ 1.3×.
/// </summary>
[Config(typeof(ShortRunConfig))]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes what [GlobalSetup] created.
public class WebhookVerifyBenchmarks
#pragma warning restore CA1001
{
    private const string Secret = "whsec_benchmark_secret";
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(Secret);

    private HttpClient httpClient = null!;
    private WebhookVerifier webhooks = null!;
    private byte[] body = [];
    private byte[] signedPayload = [];
    private string header = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        httpClient = new HttpClient();
        webhooks = new SmartRetryClient(httpClient, new SmartRetryClientOptions { ApiKey = "k", TerminalId = "TERM01" }).Webhooks;
        body = OneKibibyteEvent(now);
        string timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        signedPayload = [.. Encoding.ASCII.GetBytes(timestamp + "."), .. body];
        header = $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Key, signedPayload))}";
    }

    [GlobalCleanup]
    public void Cleanup() => httpClient.Dispose();

    [Benchmark(Baseline = true)]
    public byte[] BareHmac() => HMACSHA256.HashData(Key, signedPayload);

    [Benchmark]
    public WebhookEvent Verify() => webhooks.Verify(body, header, Secret);

    /// <summary>Verify, then one read of <c>data</c>: the payload is parsed on first use, as webhook intake does when routing.</summary>
    [Benchmark]
    public string? VerifyAndReadData() => webhooks.Verify(body, header, Secret).TransactionId;

    /// <summary>The signature check alone, without parsing the event.</summary>
    [Benchmark]
    public void VerifySignatureOnly() => webhooks.VerifySignature(body, header, Secret);

    private static byte[] OneKibibyteEvent(DateTimeOffset now)
    {
        string head = $$"""{"id":"evt_8A3F2C1D","type":"transaction.approved","created_at":"{{now:yyyy-MM-ddTHH:mm:ssZ}}","data":{"transaction_id":"TX8A3F2C","order_id":"OR7B9E1D","amount":49.99,"currency":"USD","status":{"status":"APPROVED","reasonCode":"AUTH.APPROVED","domain":"AUTH"},"notes":" """;
        const string Tail = "\"}}";
        return Encoding.UTF8.GetBytes(head + new string('x', 1024 - Encoding.UTF8.GetByteCount(head) - Tail.Length) + Tail);
    }
}
