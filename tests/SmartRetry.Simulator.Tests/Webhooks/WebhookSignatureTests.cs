using System.Text;
using SmartRetry.Simulator.Webhooks;

namespace SmartRetry.Simulator.Tests.Webhooks;

public class WebhookSignatureTests
{
    private const string VectorBody = "{\"id\":\"evt_8A3F2C1D\",\"type\":\"transaction.approved\",\"created_at\":\"2026-04-01T14:22:13Z\",\"data\":{\"transaction_id\":\"TX8A3F2C\"}}";

    [Fact]
    public void ComputeV1_matches_the_contract_test_vector()
    {
        byte[] body = Encoding.UTF8.GetBytes(VectorBody);
        Assert.Equal(124, body.Length);

        string v1 = WebhookSignature.ComputeV1("test_webhook_secret_123", "1711979533", body);

        Assert.Equal("b7283725ff601f0826b8a560e8309dd796071e1c3c29677937c327ea8de83b25", v1);
    }

    [Fact]
    public void CreateHeader_writes_unix_seconds_and_the_lowercase_hex_signature()
    {
        byte[] body = Encoding.UTF8.GetBytes(VectorBody);

        string header = WebhookSignature.CreateHeader("test_webhook_secret_123", DateTimeOffset.FromUnixTimeSeconds(1711979533), body);

        Assert.Equal("t=1711979533,v1=b7283725ff601f0826b8a560e8309dd796071e1c3c29677937c327ea8de83b25", header);
    }

    [Fact]
    public void ComputeV1_changes_with_any_byte_of_the_body()
    {
        byte[] body = Encoding.UTF8.GetBytes(VectorBody);
        byte[] altered = Encoding.UTF8.GetBytes(VectorBody.Replace("TX8A3F2C", "TX8A3F2D", StringComparison.Ordinal));

        Assert.NotEqual(WebhookSignature.ComputeV1("s", "1", body), WebhookSignature.ComputeV1("s", "1", altered));
    }
}
