using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartRetry.Client.Webhooks;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Telemetry;

namespace SmartRetry.Functions.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/smartretry</c>: verify the signature over the raw body → store the event insert-if-absent on its
/// id (the dedupe) → correlate → raise it into the waiting orchestration. A forged, stale or malformed delivery is a 400 and
/// leaves no trace. A redelivery is a 200 that does nothing, unless the delivery that claimed the event died: then,
/// after <see cref="WebhookIntakeOptions.ProcessingLease"/>, the redelivery takes over. An event whose instance does not
/// exist yet is retried briefly and then kept as pending for the instance to fetch. Failures release the claim and
/// answer 503, so SmartRetry's redelivery processes the event again: no webhook is lost.
/// A transaction's orchestration that the host reported finished is remembered with its correlation, so the further events
/// SmartRetry sends for that transaction are stored as arriving after it without asking the host again (a raise into a
/// finished instance is most of a delivery's cost: a call into the host, its status read and its error).
/// </summary>
public sealed partial class WebhookIntake(
    WebhookVerifier verifier,
    IWebhookEventStore events,
    IPendingEventStore pending,
    ICorrelationStore correlations,
    IUnresolvedPayments unresolved,
    IPaymentLedger ledger,
    IOptions<WebhookIntakeOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookIntake> logger,
    PaymentMetrics? metrics = null)
{
    /// <param name="durable">The invocation's Durable client (the host binds one per call).</param>
    /// <param name="rawBody">The request body exactly as received.</param>
    /// <param name="signatureHeader">The <c>X-SmartRetry-Signature</c> header, or null when absent.</param>
    public async Task<HandlerResult<WebhookReceipt>> HandleAsync(DurableTaskClient durable, ReadOnlyMemory<byte> rawBody, string? signatureHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        WebhookIntakeOptions settings = options.Value;
        WebhookEvent verified;
        try
        {
            verified = verifier.Verify(rawBody, signatureHeader, settings.WebhookSecret);
        }
        catch (SignatureVerificationException exception)
        {
            LogRejected(logger, exception.Reason);
            metrics?.WebhookRejected(ReasonTag(exception.Reason));
            return HandlerResult.Failure<WebhookReceipt>(new PaymentsProblem(
                ProblemTypes.InvalidSignature, "The webhook signature is invalid.", 400, exception.Message));
        }

        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["WebhookEventId"] = verified.Id, ["WebhookEventType"] = verified.Type });
        DateTimeOffset now = timeProvider.GetUtcNow();
        StoredWebhookEvent? held;
        try
        {
            WebhookEventClaim claim = await events.TryAddAsync(ToStored(verified, rawBody, now), cancellationToken);
            held = claim.Event;
            if (!claim.IsNew)
            {
                held = held.State == WebhookEventState.Received && now - held.ClaimedAt >= settings.ProcessingLease
                    ? await events.TryTakeOverAsync(held, now, cancellationToken)
                    : null;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not even stored: SmartRetry's redelivery is the retry.
            LogFailed(logger, exception);
            metrics?.WebhookFailed();
            return NotProcessed();
        }

        if (held is null)
        {
            LogDuplicate(logger);
            metrics?.WebhookAccepted("duplicate");
            return Ok(verified.Id, WebhookOutcome.Duplicate);
        }

        try
        {
            (WebhookEventState state, string? instanceId) = await ProcessAsync(durable, verified, settings, cancellationToken);
            await events.SetStateAsync(held, state, instanceId, cancellationToken);
            metrics?.WebhookAccepted(StateTag(state));
            return Ok(verified.Id, ToOutcome(state));
        }
        catch (Exception exception)
        {
            await ReleaseAsync(held);
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            LogFailed(logger, exception);
            metrics?.WebhookFailed();
            return NotProcessed();
        }
    }

    private static HandlerResult<WebhookReceipt> NotProcessed() => HandlerResult.Failure<WebhookReceipt>(new PaymentsProblem(
        ProblemTypes.TemporarilyUnavailable, "The event could not be processed now.", 503, "Redeliver it later; it has not been processed."));

    private async Task ReleaseAsync(StoredWebhookEvent held)
    {
        try
        {
            // Bounded: after a storage failure the release usually fails too, and SmartRetry waits for our answer.
            using var bound = new CancellationTokenSource(RequestClaims.BestEffortTimeout);
            await events.ReleaseAsync(held, bound.Token);
        }
        catch (Exception exception)
        {
            // Best effort: the claim then lapses after the processing lease, and the original failure is what matters.
            LogReleaseFailed(logger, exception);
        }
    }

    private async Task<(WebhookEventState State, string? InstanceId)> ProcessAsync(DurableTaskClient durable, WebhookEvent webhookEvent, WebhookIntakeOptions settings, CancellationToken cancellationToken)
    {
        WebhookRoute? route = WebhookEventRouter.Route(webhookEvent);
        if (route is null)
        {
            LogIgnored(logger);
            return (WebhookEventState.Ignored, null);
        }

        if (route.Correlations.Count == 0)
        {
            LogUnroutable(logger);
            return (WebhookEventState.Unroutable, null);
        }

        (WebhookCorrelation Correlation, CorrelationTarget Target)? found = await FindCorrelationAsync(route, cancellationToken);
        if (found is null)
        {
            await KeepPendingAsync(webhookEvent, route, cancellationToken);

            // The instance may have recorded its correlation and read its pending events between our lookup and our
            // write; looking again closes that gap (the event may then arrive twice; orchestrations ignore repeats by id).
            found = await FindCorrelationAsync(route, cancellationToken);
            if (found is null)
            {
                LogPending(logger);
                return (WebhookEventState.Pending, null);
            }
        }

        (WebhookCorrelation correlation, CorrelationTarget target) = found.Value;
        string instanceId = target.InstanceId;
        if (target.InstanceFinished)
        {
            LogInstanceFinished(logger, instanceId);
            return (WebhookEventState.InstanceFinished, instanceId);
        }

        using Activity? span = PaymentTracing.StartWebhook(webhookEvent.Type, webhookEvent.Id, target.TraceParent);
        RaiseEventResult result;
        using (PaymentTracing.StartRaise(instanceId, route.EventName))
        {
            result = await RaiseWithRetriesAsync(durable, instanceId, route, settings, cancellationToken);
        }

        span?.SetTag("smartretry.webhook.result", result.ToString());
        switch (result)
        {
            case RaiseEventResult.Raised:
                LogRaised(logger, instanceId);
                return (WebhookEventState.Raised, instanceId);
            case RaiseEventResult.InstanceFinished:
                // The orchestration is done, but the payment may not be: one it left unresolved (deadline reached, needs
                // attention) is still watched, and this event is the news that settles it, so the reconciler is asked to
                // look now. Only a payment that is not watched (final) is remembered as finished, so its further events
                // are stored without asking the host again. A series is long-lived, so it is always asked.
                if (correlation.Kind == CorrelationKind.Transaction)
                {
                    if (await IsUnresolvedAsync(instanceId, cancellationToken))
                    {
                        LogReconciling(logger, instanceId);
                        return (WebhookEventState.Reconciling, instanceId);
                    }

                    correlations.RememberFinished(correlation.Kind, correlation.SmartRetryId);
                }

                LogInstanceFinished(logger, instanceId);
                return (WebhookEventState.InstanceFinished, instanceId);
            default:
                await KeepPendingAsync(webhookEvent, route, cancellationToken);
                LogPending(logger);
                return (WebhookEventState.Pending, instanceId);
        }
    }

    /// <summary>
    /// Whether the finished instance's payment is not final, asking the reconciler to look now if so. A payment the
    /// index does not watch may still be one recorded before the index existed: its ledger row decides.
    /// </summary>
    private async Task<bool> IsUnresolvedAsync(string paymentId, CancellationToken cancellationToken)
    {
        if (await unresolved.CheckSoonAsync(paymentId, cancellationToken))
        {
            return true;
        }

        if (await ledger.GetAsync(paymentId, cancellationToken) is { } entry && !entry.Status.IsFinal())
        {
            await unresolved.WatchNowAsync(entry, cancellationToken);
            return true;
        }

        return false;
    }

    private async Task<(WebhookCorrelation Correlation, CorrelationTarget Target)?> FindCorrelationAsync(WebhookRoute route, CancellationToken cancellationToken)
    {
        foreach (WebhookCorrelation correlation in route.Correlations)
        {
            if (await correlations.FindAsync(correlation.Kind, correlation.SmartRetryId, cancellationToken) is { } target)
            {
                return (correlation, target);
            }
        }

        return null;
    }

    // Kept under every id that may name the instance, since it is not yet known which one the instance will ask for.
    private async Task KeepPendingAsync(WebhookEvent webhookEvent, WebhookRoute route, CancellationToken cancellationToken)
    {
        string payload = JsonSerializer.Serialize(route.Payload, route.Payload.GetType(), PaymentsJson.Options);
        foreach (WebhookCorrelation correlation in route.Correlations)
        {
            await pending.AddAsync(
                new PendingEvent(correlation.Kind, correlation.SmartRetryId, webhookEvent.Id, route.EventName, webhookEvent.CreatedAt, payload),
                cancellationToken);
        }
    }

    private async Task<RaiseEventResult> RaiseWithRetriesAsync(DurableTaskClient durable, string instanceId, WebhookRoute route, WebhookIntakeOptions settings, CancellationToken cancellationToken)
    {
        TimeSpan delay = settings.RaiseRetryDelay;
        for (int attempt = 1; ; attempt++)
        {
            RaiseEventResult result = await durable.RaiseEventIfRunningAsync(instanceId, route.EventName, route.Payload, cancellationToken);
            if (result != RaiseEventResult.InstanceNotFound || attempt >= settings.RaiseAttempts)
            {
                return result;
            }

            // A correlation can be recorded a moment before its instance is started, so it is usually about to exist.
            await Task.Delay(delay, timeProvider, cancellationToken);
            delay *= 2;
        }
    }

    private static StoredWebhookEvent ToStored(WebhookEvent webhookEvent, ReadOnlyMemory<byte> rawBody, DateTimeOffset now)
    {
        string body = Encoding.UTF8.GetString(rawBody.Span);
        bool truncated = body.Length > StoredWebhookEvent.MaxStoredBodyLength;
        return new StoredWebhookEvent(
            webhookEvent.Id,
            webhookEvent.Type,
            webhookEvent.CreatedAt,
            now,
            truncated ? body[..StoredWebhookEvent.MaxStoredBodyLength] : body,
            WebhookEventState.Received,
            now)
        {
            RawBodyTruncated = truncated,
        };
    }

    private static WebhookOutcome ToOutcome(WebhookEventState state) => state switch
    {
        WebhookEventState.Raised => WebhookOutcome.Raised,
        WebhookEventState.Pending => WebhookOutcome.Pending,
        WebhookEventState.InstanceFinished => WebhookOutcome.InstanceFinished,
        WebhookEventState.Reconciling => WebhookOutcome.Reconciling,
        WebhookEventState.Ignored => WebhookOutcome.Ignored,
        WebhookEventState.Unroutable => WebhookOutcome.Unroutable,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Processing always ends in a final state."),
    };

    private static string StateTag(WebhookEventState state) => state switch
    {
        WebhookEventState.Raised => "raised",
        WebhookEventState.Pending => "pending",
        WebhookEventState.InstanceFinished => "instance_finished",
        WebhookEventState.Reconciling => "reconciling",
        WebhookEventState.Ignored => "ignored",
        WebhookEventState.Unroutable => "unroutable",
        _ => "other",
    };

    private static string ReasonTag(SignatureFailureReason reason) => reason switch
    {
        SignatureFailureReason.MissingHeader => "missing_header",
        SignatureFailureReason.MalformedHeader => "malformed_header",
        SignatureFailureReason.InvalidTimestamp => "invalid_timestamp",
        SignatureFailureReason.TimestampOutsideTolerance => "timestamp_outside_tolerance",
        SignatureFailureReason.MalformedSignature => "malformed_signature",
        SignatureFailureReason.SignatureMismatch => "signature_mismatch",
        SignatureFailureReason.InvalidPayload => "invalid_payload",
        _ => "other",
    };

    private static HandlerResult<WebhookReceipt> Ok(string eventId, WebhookOutcome outcome) =>
        HandlerResult.Success(HttpStatusCode.OK, new WebhookReceipt(eventId, outcome));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, SignatureFailureReason reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook is a redelivery; nothing done again")]
    private static partial void LogDuplicate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook type is not handled; stored and acknowledged")]
    private static partial void LogIgnored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook carries no id to route it by; stored for audit")]
    private static partial void LogUnroutable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook kept as pending: its workflow instance has not started yet")]
    private static partial void LogPending(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook raised into instance {InstanceId}")]
    private static partial void LogRaised(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook arrived after instance {InstanceId} finished; stored for audit")]
    private static partial void LogInstanceFinished(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook arrived after instance {InstanceId} finished with its payment unresolved; the reconciler looks at it now")]
    private static partial void LogReconciling(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the webhook claim failed; it lapses after the processing lease")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook processing failed; the claim is released for redelivery")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
