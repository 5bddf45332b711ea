using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;
using SmartRetry.Client.Webhooks;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Functions.Tests.TestHost;
using SmartRetry.Functions.Webhooks;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Webhooks;

/// <summary>The webhook intake over real Azurite tables, the client's real verifier, a virtual clock and a Moq orchestration client.</summary>
internal sealed class WebhookHarness
{
    public const string Secret = "test_webhook_secret_123";

    public WebhookHarness(AzuriteFixture azurite)
    {
        Tables = TestTables.Create(azurite);
        Events = new TableWebhookEventStore(Tables);
        Pending = new TablePendingEventStore(Tables);
        Correlations = new TableCorrelationStore(Tables);
        Unresolved = TestTables.Unresolved(Tables, Time);
        Intake = new WebhookIntake(
            new WebhookVerifier(Time),
            Events,
            Pending,
            Correlations,
            Unresolved,
            new TablePaymentLedger(Tables, unresolved: Unresolved),
            Options.Create(Settings),
            Time,
            new FakeLogger<WebhookIntake>(Logs));
    }

    public TimerSignallingTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero));

    public WebhookIntakeOptions Settings { get; } = new() { WebhookSecret = Secret };

    public FakeLogCollector Logs { get; } = new();

    public PaymentsTables Tables { get; }

    public TableWebhookEventStore Events { get; }

    public TablePendingEventStore Pending { get; }

    public TableCorrelationStore Correlations { get; }

    /// <summary>The index of unresolved payments the intake asks about a finished instance's payment.</summary>
    public TableUnresolvedPayments Unresolved { get; }

    public RecordingDurableClient Durable { get; } = new();

    public ConcurrentQueue<(string InstanceId, string Name, object? Payload)> Raised => Durable.Raised;

    public WebhookIntake Intake { get; }

    public static byte[] Body(string id, string type, string data) =>
        Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\",\"type\":\"{type}\",\"created_at\":\"2026-11-23T21:59:30Z\",\"data\":{data}}}");

    /// <summary>The signature header SmartRetry would send for <paramref name="body"/> now (https://www.smartretry.com/docs/integration/webhooks).</summary>
    public string Sign(byte[] body, string secret = Secret, TimeSpan? age = null) =>
        WebhookSigner.ComputeSignatureHeader(body, secret, Time.GetUtcNow() - (age ?? TimeSpan.Zero));

    public Task CorrelateAsync(CorrelationKind kind, string smartRetryId, string instanceId) =>
        Correlations.AddAsync(kind, smartRetryId, instanceId, CancellationToken.None);
}
