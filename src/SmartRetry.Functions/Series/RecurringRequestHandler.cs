using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartRetry.Client.Models;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Series;

/// <summary>
/// <c>/api/recurring</c>: create (validate, hold the card in the vault and fingerprint it, record the series, start its orchestration, which
/// runs <c>recurring_init</c>), get, pause, resume, cancel and update the amount. Impossible transitions are 409
/// problems: resuming a cancelled series, pausing one SmartRetry or the provider schedules. Repeating a request changes
/// nothing.
/// </summary>
public sealed partial class RecurringRequestHandler(
    RecurringRequestValidator validator,
    ChargeFingerprinter fingerprinter,
    ICardVault cards,
    CardFingerprinter cardFingerprinter,
    IRecurringSeriesStore store,
    ISmartRetryRecurringGateway smartRetry,
    IOptions<RecurringOptions> recurringOptions,
    IOptions<DunningOptions> dunningOptions,
    IOptions<TrackingOptions> tracking,
    TimeProvider timeProvider,
    ILogger<RecurringRequestHandler> logger)
{
    /// <param name="durable">The invocation's Durable client (the host binds one per call).</param>
    public async Task<HandlerResult<RecurringSeriesView>> CreateAsync(DurableTaskClient durable, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        RecurringRequest? request = JsonRequestReader.Read<RecurringRequest>(body, out PaymentsProblem? problem);
        if (request is null)
        {
            return HandlerResult.Failure<RecurringSeriesView>(problem! with { Instance = RecurringRoutes.Create });
        }

        ValidatedRecurring? recurring = validator.Validate(request, out IReadOnlyDictionary<string, string[]> errors);
        if (recurring is null)
        {
            LogRejected(logger, errors.Keys);
            return HandlerResult.Failure<RecurringSeriesView>(PaymentsProblem.Validation(errors, RecurringRoutes.Create));
        }

        string seriesId = RecurringSeriesIds.For(recurring.SeriesReference);
        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["SeriesId"] = seriesId });
        ChargeFingerprint fingerprint = fingerprinter.Compute(recurring.Charge);
        string scheduleHash = ScheduleHash(recurring);
        DateTimeOffset now = timeProvider.GetUtcNow();
        var candidate = new RecurringSeries(
            seriesId, recurring.ManagedBy, RecurringSeriesStatus.Active, recurring.Charge.Amount, recurring.Charge.Currency,
            $"{fingerprint.KeyId}:{fingerprint.Hash}:{scheduleHash}", now, now, recurring.Schedule);

        RecurringSeries stored = await store.AddAsync(candidate, cancellationToken);
        bool replayed = !ReferenceEquals(stored, candidate);
        if (replayed && !Matches(stored.RequestFingerprint, recurring, scheduleHash))
        {
            LogConflict(logger);
            return HandlerResult.Failure<RecurringSeriesView>(PaymentsProblem.Conflict(
                ProblemTypes.IdempotencyConflict,
                "This series_reference was already used for a different series.",
                "A series with this series_reference exists and its details differ. Use a new series_reference for a new series.",
                RecurringRoutes.SeriesPath(seriesId)));
        }

        // A repeat also finishes what an earlier attempt may have left undone; Durable would replace a finished instance,
        // so look first. A finished series never restarts: its instance may be purged already, and a restart would charge again.
        if (!replayed || (!stored.IsFinished && await durable.GetInstanceStateAsync(seriesId, cancellationToken) is null))
        {
            // The card waits in the vault for the series' set-up call, not in the orchestration's state.
            await cards.HoldAsync(seriesId, recurring.Charge.Card, SmartRetryIdempotency.RepeatableUntil(now), cancellationToken);
            await durable.ScheduleNewUnlessRunningAsync(WorkflowName(recurring.ManagedBy), seriesId, WorkflowInput(stored, recurring), cancellationToken);
            LogScheduled(logger, recurring.ManagedBy);
        }

        return HandlerResult.Success(HttpStatusCode.Accepted, RecurringSeriesView.Of(stored, replayed));
    }

    public async Task<HandlerResult<RecurringSeriesView>> GetAsync(string seriesId, CancellationToken cancellationToken) =>
        await FindAsync(seriesId, cancellationToken) is { } series
            ? HandlerResult.Success(HttpStatusCode.OK, RecurringSeriesView.Of(series))
            : HandlerResult.Failure<RecurringSeriesView>(RecurringProblems.NotFound(seriesId));

    public Task<HandlerResult<RecurringSeriesView>> PauseAsync(DurableTaskClient durable, string seriesId, CancellationToken cancellationToken) =>
        TransitionAsync(durable, seriesId, SeriesCommand.Pause, null, cancellationToken);

    public Task<HandlerResult<RecurringSeriesView>> ResumeAsync(DurableTaskClient durable, string seriesId, CancellationToken cancellationToken) =>
        TransitionAsync(durable, seriesId, SeriesCommand.Resume, null, cancellationToken);

    public Task<HandlerResult<RecurringSeriesView>> CancelAsync(DurableTaskClient durable, string seriesId, CancellationToken cancellationToken) =>
        TransitionAsync(durable, seriesId, SeriesCommand.Cancel, null, cancellationToken);

    public async Task<HandlerResult<RecurringSeriesView>> UpdateAmountAsync(DurableTaskClient durable, string seriesId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        AmountUpdateRequest? request = JsonRequestReader.Read<AmountUpdateRequest>(body, out PaymentsProblem? problem);
        if (request is null)
        {
            return HandlerResult.Failure<RecurringSeriesView>(problem! with { Instance = RecurringRoutes.SeriesPath(seriesId) });
        }

        if (await FindAsync(seriesId, cancellationToken) is not { } series)
        {
            return HandlerResult.Failure<RecurringSeriesView>(RecurringProblems.NotFound(seriesId));
        }

        if (AmountError(request.Amount, series.Currency) is { } error)
        {
            return HandlerResult.Failure<RecurringSeriesView>(PaymentsProblem.Validation(new Dictionary<string, string[]> { ["/amount"] = [error] }, RecurringRoutes.SeriesPath(seriesId)));
        }

        return await TransitionAsync(durable, seriesId, SeriesCommand.UpdateAmount, request.Amount, cancellationToken);
    }

    private async Task<HandlerResult<RecurringSeriesView>> TransitionAsync(DurableTaskClient durable, string seriesId, SeriesCommand command, decimal? amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (await FindAsync(seriesId, cancellationToken) is not { } series)
        {
            return HandlerResult.Failure<RecurringSeriesView>(RecurringProblems.NotFound(seriesId));
        }

        if (Refusal(series, command) is { } refusal)
        {
            return HandlerResult.Failure<RecurringSeriesView>(refusal);
        }

        RecurringSeries target = Target(series, command, amount);
        if (target == series)
        {
            return HandlerResult.Success(HttpStatusCode.OK, RecurringSeriesView.Of(series));
        }

        if (series.ManagedBy != SeriesManagement.Merchant)
        {
            // SmartRetry or the provider schedules: tell SmartRetry directly; the follower orchestration sees the result.
            try
            {
                _ = command == SeriesCommand.Cancel
                    ? await smartRetry.CancelRecurringAsync(IdempotencyKeys.Derive(seriesId, MerchantRecurringSeriesWorkflow.CancelStep), series.RecurringId!, cancellationToken)
                    : await smartRetry.UpdateRecurringAsync(new RecurringUpdate(series.RecurringId!, amount), cancellationToken);
            }
            catch (SmartRetryRejectedException rejected)
            {
                return HandlerResult.Failure<RecurringSeriesView>(RecurringProblems.Refused(seriesId, rejected));
            }
        }

        RecurringSeries updated = await store.UpdateAsync(seriesId, current => Refusal(current, command) is null ? Target(current, command, amount) : null, cancellationToken) ?? series;
        if (series.ManagedBy == SeriesManagement.Merchant)
        {
            var control = new SeriesControl(command, Guid.NewGuid().ToString("N"), timeProvider.GetUtcNow(), amount);
            await durable.RaiseEventIfRunningAsync(seriesId, RecurringEventNames.Control, control, cancellationToken);
        }

        LogTransition(logger, seriesId, command);
        return HandlerResult.Success(HttpStatusCode.Accepted, RecurringSeriesView.Of(updated));
    }

    private static PaymentsProblem? Refusal(RecurringSeries series, SeriesCommand command)
    {
        string id = series.SeriesId;
        if (command is SeriesCommand.Pause or SeriesCommand.Resume && series.ManagedBy != SeriesManagement.Merchant)
        {
            return RecurringProblems.Transition(id, "This series cannot be paused or resumed.", "SmartRetry has no pause for series it or the provider schedules; cancel it instead.");
        }

        if (series.RecurringId is null && series.ManagedBy != SeriesManagement.Merchant && !series.IsFinished)
        {
            return RecurringProblems.Transition(id, "The series is still being set up.", "SmartRetry has not confirmed the series yet; retry shortly.");
        }

        return (series.Status, command) switch
        {
            (RecurringSeriesStatus.Cancelled, SeriesCommand.Cancel) => null,
            (RecurringSeriesStatus.Cancelled, _) => RecurringProblems.Transition(id, "The series is cancelled.", "A cancelled series cannot be changed or resumed; create a new one."),
            (RecurringSeriesStatus.Completed, _) => RecurringProblems.Transition(id, "The series is completed.", "A completed series cannot be changed."),
            (RecurringSeriesStatus.Refused, _) => RecurringProblems.Transition(id, "SmartRetry refused to create the series.", $"It was refused with {series.ReasonCode}; nothing can change it: create a new one."),
            _ => null,
        };
    }

    private static RecurringSeries Target(RecurringSeries series, SeriesCommand command, decimal? amount) => command switch
    {
        SeriesCommand.Pause when series.Status == RecurringSeriesStatus.Active => series with { Status = RecurringSeriesStatus.Paused },
        SeriesCommand.Resume when series.Status == RecurringSeriesStatus.Paused => series with { Status = RecurringSeriesStatus.Active },
        SeriesCommand.Cancel when !series.IsFinished => series with { Status = RecurringSeriesStatus.Cancelled, NextDueAtUtc = null },
        SeriesCommand.UpdateAmount when amount is { } value => series with { Amount = value },
        _ => series,
    };

    private static string? AmountError(decimal? amount, string currency)
    {
        if (amount is not { } value)
        {
            return "Required: the new amount in major units.";
        }

        if (value is < SmartRetryCurrencies.MinimumAmount or > SmartRetryCurrencies.MaximumAmount)
        {
            return $"Must be between {SmartRetryCurrencies.MinimumAmount} and {SmartRetryCurrencies.MaximumAmount:0}.";
        }

        return SmartRetryCurrencies.TryGetExponent(currency, out int exponent) && decimal.Round(value, exponent) != value
            ? $"{currency} allows at most {exponent} decimal places."
            : null;
    }

    private Task<RecurringSeries?> FindAsync(string seriesId, CancellationToken cancellationToken) =>
        RecurringSeriesIds.IsWellFormed(seriesId) ? store.GetAsync(seriesId, cancellationToken) : Task.FromResult<RecurringSeries?>(null);

    private bool Matches(string storedFingerprint, ValidatedRecurring recurring, string scheduleHash)
    {
        string[] parts = storedFingerprint.Split(':');
        return parts.Length == 3 && parts[2] == scheduleHash && fingerprinter.Matches(recurring.Charge, parts[1], parts[0]);
    }

    private static string ScheduleHash(ValidatedRecurring recurring) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { recurring.ManagedBy, recurring.Schedule }, PaymentsJson.Options))));

    private static string WorkflowName(SeriesManagement managedBy) =>
        managedBy == SeriesManagement.Merchant ? nameof(MerchantRecurringSeriesWorkflow) : nameof(PlatformRecurringSeriesWorkflow);

    private object WorkflowInput(RecurringSeries series, ValidatedRecurring recurring)
    {
        string seriesId = series.SeriesId;
        var setup = new SeriesSetup(recurring.Charge.Payer);
        ValidatedCharge charge = recurring.Charge;
        return recurring.ManagedBy == SeriesManagement.Merchant
            ? new MerchantSeriesState(
                seriesId, null, charge.Amount, charge.Currency, recurring.Schedule!, dunningOptions.Value.ToPolicy(), tracking.Value.Policy,
                RecurringSeriesStatus.Active, NextSequence: 1, CardAttemptWindow.Empty, Setup: setup,
                CardFingerprint: cardFingerprinter.Compute(charge.Card),
                TimeScale: recurringOptions.Value.TimeScaleFrom(series.CreatedAt.UtcDateTime))
            : new PlatformSeriesState(
                seriesId, null, recurring.ManagedBy, recurringOptions.Value.SyncInterval, recurringOptions.Value.MissedChargeGrace,
                charge.Amount, charge.Currency, recurring.Schedule, Setup: setup);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring request rejected; invalid fields: {Fields}")]
    private static partial void LogRejected(ILogger logger, IEnumerable<string> fields);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recurring request conflicts with an earlier series under the same reference")]
    private static partial void LogConflict(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring series workflow scheduled ({ManagedBy})")]
    private static partial void LogScheduled(ILogger logger, SeriesManagement managedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring series {SeriesId}: {Command} accepted")]
    private static partial void LogTransition(ILogger logger, string seriesId, SeriesCommand command);
}
