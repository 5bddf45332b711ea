using System.Text;
using Microsoft.Extensions.Time.Testing;
using SmartRetry.Client.Webhooks;

namespace SmartRetry.Client.Tests.Webhooks;

/// <summary>The signer a receiver's tests use: it must sign exactly as SmartRetry does, or those tests prove nothing.</summary>
public sealed class WebhookSignerTests
{
    // The test vector of SmartRetry's webhook docs (https://www.smartretry.com/docs/integration/webhooks).
    private const string Secret = "test_webhook_secret_123";
    private const string VectorBody =
        """{"id":"evt_8A3F2C1D","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z","data":{"transaction_id":"TX8A3F2C"}}""";

    [Fact]
    public void It_reproduces_the_documented_test_vector() =>
        Assert.Equal(
            "t=1711979533,v1=b7283725ff601f0826b8a560e8309dd796071e1c3c29677937c327ea8de83b25",
            WebhookSigner.ComputeSignatureHeader(Encoding.UTF8.GetBytes(VectorBody), Secret, DateTimeOffset.FromUnixTimeSeconds(1711979533)));

    [Fact]
    public void What_it_signs_the_verifier_accepts_with_the_same_secret_only()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        byte[] body = Encoding.UTF8.GetBytes(VectorBody);
        string header = WebhookSigner.ComputeSignatureHeader(body, Secret, clock.GetUtcNow());

        Assert.Equal(WebhookEventTypes.TransactionApproved, new WebhookVerifier(Secret, clock).Verify(body, header).Type);
        Assert.Equal(SignatureFailureReason.SignatureMismatch,
            Assert.Throws<SignatureVerificationException>(() => new WebhookVerifier("another_secret", clock).Verify(body, header)).Reason);
    }
}
