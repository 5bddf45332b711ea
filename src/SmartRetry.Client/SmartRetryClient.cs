using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartRetry.Client.FutureTransactions;
using SmartRetry.Client.Health;
using SmartRetry.Client.Http;
using SmartRetry.Client.Payments;
using SmartRetry.Client.Recurring;
using SmartRetry.Client.Webhooks;

namespace SmartRetry.Client;

/// <summary>
/// The SmartRetry REST API, grouped as in SmartRetry's SDKs. Thread-safe: create one per terminal and reuse it (the DI
/// registration makes it a singleton). Every member is virtual so the client can be mocked.
/// </summary>
public class SmartRetryClient
{
    private readonly PaymentsClient? payments;
    private readonly RecurringClient? recurring;
    private readonly FutureTransactionsClient? futureTransactions;
    private readonly HealthClient? health;
    private readonly WebhookVerifier? webhooks;

    /// <summary>For mocking.</summary>
    protected SmartRetryClient()
    {
    }

    /// <param name="httpClient">
    /// Its own timeout should not cut attempts short (the client applies <see cref="SmartRetryClientOptions.AttemptTimeout"/>);
    /// <c>AddSmartRetryClient</c> supplies one from <c>IHttpClientFactory</c> with an infinite timeout.
    /// </param>
    /// <exception cref="ArgumentException">The options are invalid; the message names each bad setting.</exception>
    public SmartRetryClient(HttpClient httpClient, SmartRetryClientOptions options, TimeProvider? timeProvider = null, ILogger<SmartRetryClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = SmartRetryClientOptionsValidator.Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        timeProvider ??= TimeProvider.System;
        var pipeline = new SmartRetryPipeline(httpClient, options, timeProvider, logger ?? NullLogger<SmartRetryClient>.Instance);
        string terminal = Uri.EscapeDataString(options.TerminalId);
        payments = new PaymentsClient(pipeline, terminal);
        recurring = new RecurringClient(pipeline, terminal);
        futureTransactions = new FutureTransactionsClient(pipeline, terminal);
        health = new HealthClient(pipeline);
        webhooks = new WebhookVerifier(options.WebhookSecret, timeProvider, options.WebhookTolerance);
    }

    /// <summary>Sale, pre-authorization, capture, refund, void, status.</summary>
    public virtual PaymentsClient Payments => payments ?? throw NotConnected();

    /// <summary>Recurring series: init, status, charge, update, cancel.</summary>
    public virtual RecurringClient Recurring => recurring ?? throw NotConnected();

    /// <summary>Scheduled charges of a platform-managed series: status, update, charge, cancel.</summary>
    public virtual FutureTransactionsClient FutureTransactions => futureTransactions ?? throw NotConnected();

    /// <summary>Health, readiness and liveness.</summary>
    public virtual HealthClient Health => health ?? throw NotConnected();

    /// <summary>
    /// Verifies a webhook delivery's <c>X-SmartRetry-Signature</c> (https://www.smartretry.com/docs/integration/webhooks) with the client's clock and
    /// <see cref="SmartRetryClientOptions.WebhookTolerance"/>, and returns the parsed event.
    /// </summary>
    public virtual WebhookVerifier Webhooks => webhooks ?? throw NotConnected();

    internal static InvalidOperationException NotConnected() =>
        new("This instance was created for mocking; set up the member you call, or construct the client with an HttpClient and options.");
}
