using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Moq;
using SmartRetry.Client.Webhooks;
using SmartRetry.Functions.Tests.Shared.Http;
using SmartRetry.Functions.Webhooks;

namespace SmartRetry.Functions.Tests.Webhooks;

public sealed class WebhookFunctionTests : IDisposable
{
    private static readonly byte[] Event = Encoding.UTF8.GetBytes(
        """{"id":"evt_1","type":"account.updated","created_at":"2026-11-23T21:59:30Z","data":{}}""");

    private readonly FunctionsApp app = new();

    public WebhookFunctionTests() =>
        app.WebhookEvents.Setup(s => s.TryAddAsync(It.IsAny<StoredWebhookEvent>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((StoredWebhookEvent received, CancellationToken _) => new WebhookEventClaim(true, received));

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_delivery_signed_with_the_secret_over_the_exact_bytes_is_accepted_with_200()
    {
        ExecutedResponse response = await ReceiveAsync(Event, Sign(Event, FunctionsApp.WebhookSecret));

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(response.Body);
        Assert.Equal("evt_1", json.RootElement.GetProperty("event_id").GetString());
        app.WebhookEvents.Verify(s => s.TryAddAsync(It.Is<StoredWebhookEvent>(e => e.EventId == "evt_1"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_delivery_signed_with_another_secret_is_a_400_problem_and_stores_nothing()
    {
        ExecutedResponse response = await ReceiveAsync(Event, Sign(Event, "forged_secret"));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        app.WebhookEvents.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_a_400_problem()
    {
        string signature = Sign(Event, FunctionsApp.WebhookSecret);
        byte[] tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Event).Replace("{}", "{ }", StringComparison.Ordinal));

        ExecutedResponse response = await ReceiveAsync(tampered, signature);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        app.WebhookEvents.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_unsigned_delivery_is_a_400_problem()
    {
        ExecutedResponse response = await ReceiveAsync(Event, signature: null);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        app.WebhookEvents.VerifyNoOtherCalls();
    }

    private async Task<ExecutedResponse> ReceiveAsync(byte[] body, string? signature)
    {
        var headers = new Dictionary<string, string>();
        if (signature is not null)
        {
            headers[WebhookFunction.SignatureHeader] = signature;
        }

        return await ExecutedResponse.ExecuteAsync(await app.Create<WebhookFunction>().Receive(
            FunctionsApp.Request("POST", "/api/webhooks/smartretry", body, headers), app.DurableClient, CancellationToken.None));
    }

    private string Sign(byte[] body, string secret) => WebhookSigner.ComputeSignatureHeader(body, secret, app.Time.GetUtcNow());
}
