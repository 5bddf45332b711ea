using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Tracking;
using SmartRetry.Functions.Tests.Shared.Series;
using SmartRetry.Functions.Tests.TestHost;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

/// <summary>
/// A merchant-managed series on the virtual-time orchestration host (replay check on), with the real orchestrations and the real
/// SmartRetry-facing activities over <see cref="ScriptedSmartRetry"/>. Ledger and series writes are captured as
/// activity inputs. The cycle interrupt is raised through a <see cref="RecordingDurableClient"/> and delivered by
/// <see cref="DeliverInterruptsAsync"/>, as the real client would deliver it shortly after the activity.
/// </summary>
public sealed class MerchantSeriesHarness
{
    public const string SeriesId = "rs-test-1";
    public const string RecurringId = "RC000001";

    private readonly RecordingDurableClient _durable = new();

    /// <param name="cardAttempts">The card's shared attempt window, for series with a card fingerprint.</param>
    public MerchantSeriesHarness(DateTime start, ICardAttemptStore? cardAttempts = null)
    {
        Host = new WorkflowTestHost(start);
        var correlations = new Mock<ICorrelationStore>();
        correlations.Setup(c => c.AddAsync(It.IsAny<CorrelationKind>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CorrelationKind _, string _, string instanceId, CancellationToken _) => instanceId);
        PendingEvents.Setup(p => p.GetAsync(It.IsAny<CorrelationKind>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

        Host.RegisterOrchestration(nameof(MerchantRecurringSeriesWorkflow), MerchantRecurringSeriesWorkflow.RunAsync)
            .RegisterOrchestration(nameof(RecurringChargeCycleWorkflow), RecurringChargeCycleWorkflow.RunAsync)
            .RegisterActivity<ChargeRecurringRequest, ChargeAttemptResult>(
                nameof(ChargeRecurring), new ChargeRecurring(SmartRetry.Recurring.Object, SmartRetry.Payments.Object, correlations.Object, new EarlyTransactionEvents(PendingEvents.Object)).RunAsync)
            .RegisterStep(new GetTransactionStatus(SmartRetry.Payments.Object))
            .RegisterStep(new CancelRecurring(SmartRetry.Recurring.Object))
            .RegisterStep(new UpdateRecurringAmount(SmartRetry.Recurring.Object))
            .RegisterStep(new InterruptRecurringCycle(NullLogger<InterruptRecurringCycle>.Instance), _durable)
            .RegisterActivity<SeriesChange>(nameof(RecordRecurringSeriesChange), (_, _) => Task.CompletedTask)
            .RegisterActivity<ChargeRecord>(nameof(RecordRecurringCharge), (_, _) => Task.CompletedTask);
        if (cardAttempts is not null)
        {
            Host.RegisterStep(new ReserveCardAttempt(cardAttempts))
                .RegisterStep(new ReleaseCardAttempt(cardAttempts));
        }
    }

    /// <summary>Webhooks kept pending before their transaction was correlated; none unless a test adds some.</summary>
    public Mock<IPendingEventStore> PendingEvents { get; } = new(MockBehavior.Strict);

    public WorkflowTestHost Host { get; }

    public ScriptedSmartRetry SmartRetry { get; } = new();

    public WorkflowTestInstance Series => Host.GetInstance(SeriesId);

    /// <summary>When each charge reached SmartRetry.</summary>
    public IReadOnlyList<DateTime> ChargeTimes => [.. Host.ActivityCalls.Where(c => c.Name == nameof(ChargeRecurring)).Select(c => c.CalledAt)];

    /// <summary>When each charge of one series reached SmartRetry.</summary>
    public IReadOnlyList<DateTime> ChargeTimesOf(string seriesId) =>
        [.. Host.ActivityCalls.Where(c => c.Name == nameof(ChargeRecurring) && c.InstanceId.StartsWith(seriesId + "-c", StringComparison.Ordinal)).Select(c => c.CalledAt)];

    public IReadOnlyList<ChargeRecord> LedgerWrites => [.. Host.ActivityInputs<ChargeRecord>(nameof(RecordRecurringCharge)).OfType<ChargeRecord>()];

    public IReadOnlyList<SeriesChange> SeriesWrites => [.. Host.ActivityInputs<SeriesChange>(nameof(RecordRecurringSeriesChange)).OfType<SeriesChange>()];

    /// <param name="cardFingerprint">Null: a series created before card fingerprints, counting attempts in its own window.</param>
    public static MerchantSeriesState State(
        SeriesSchedule schedule, DunningPolicy? dunning = null, string seriesId = SeriesId, string recurringId = RecurringId, string? cardFingerprint = null) => new(
        seriesId, recurringId, 19.99m, "EUR", schedule, dunning ?? DunningPolicy.Default, TrackingPolicy.Default,
        RecurringSeriesStatus.Active, NextSequence: 1, CardAttemptWindow.Empty, CardFingerprint: cardFingerprint);

    public Task StartAsync(MerchantSeriesState state) => Host.StartAsync(nameof(MerchantRecurringSeriesWorkflow), state.SeriesId, state);

    public Task<RaiseEventResult> SendAsync(SeriesCommand command, decimal? amount = null) =>
        Host.RaiseEventAsync(SeriesId, RecurringEventNames.Control, new SeriesControl(command, $"req-{command}", new DateTimeOffset(Host.UtcNow), amount));

    /// <summary>Runs the clock to <paramref name="until"/>, delivering cycle interrupts as they are raised.</summary>
    public async Task AdvanceToAsync(DateTime until)
    {
        await DeliverInterruptsAsync();
        while (Host.PendingTimers is [var next, ..] && next.FireAt <= until)
        {
            await Host.AdvanceToNextTimerAsync();
            await DeliverInterruptsAsync();
        }

        if (until > Host.UtcNow)
        {
            await Host.AdvanceTimeAsync(until - Host.UtcNow);
        }
    }

    public async Task DeliverInterruptsAsync()
    {
        while (_durable.Raised.TryDequeue(out (string InstanceId, string Name, object? Payload) raised))
        {
            (string instanceId, string eventName, object? payload) = raised;
            await Host.RaiseEventAsync(instanceId, eventName, payload);
        }
    }
}
