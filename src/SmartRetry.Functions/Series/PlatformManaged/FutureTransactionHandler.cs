using System.Net;
using Microsoft.Extensions.Logging;
using SmartRetry.Client.Models;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Series.PlatformManaged;

/// <summary>
/// <c>/api/recurring/{id}/future-transactions</c> of a platform-managed series: list (from SmartRetry's recurring
/// status), update one, charge one now, cancel one. Charge and cancel carry keys derived from the series and the
/// future transaction, so a repeated request is replayed by SmartRetry instead of charging twice.
/// </summary>
public sealed partial class FutureTransactionHandler(
    IRecurringSeriesStore store,
    ISmartRetryRecurringGateway smartRetry,
    TimeProvider timeProvider,
    ILogger<FutureTransactionHandler> logger)
{
    public async Task<HandlerResult<FutureTransactionListView>> ListAsync(string seriesId, CancellationToken cancellationToken)
    {
        (RecurringSeries? series, PaymentsProblem? problem) = await PlatformSeriesAsync(seriesId, cancellationToken);
        if (series is null)
        {
            return HandlerResult.Failure<FutureTransactionListView>(problem!);
        }

        return await CallAsync(seriesId, async () =>
        {
            RecurringSnapshot snapshot = await smartRetry.GetRecurringAsync(series.RecurringId!, cancellationToken);
            return new FutureTransactionListView(seriesId, series.RecurringId!, snapshot.FutureTransactions);
        }, HttpStatusCode.OK);
    }

    public async Task<HandlerResult<FutureTransactionResultView>> UpdateAsync(string seriesId, string futureTransactionId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        FutureTransactionChangeRequest? request = JsonRequestReader.Read<FutureTransactionChangeRequest>(body, out PaymentsProblem? problem);
        if (request is null)
        {
            return HandlerResult.Failure<FutureTransactionResultView>(problem!);
        }

        (RecurringSeries? series, problem) = await PlatformSeriesAsync(seriesId, cancellationToken, futureTransactionId);
        if (series is null)
        {
            return HandlerResult.Failure<FutureTransactionResultView>(problem!);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is { Amount: null, ScheduledDate: null })
        {
            errors[""] = ["Give amount, scheduled_date or both."];
        }

        if (request.Amount is { } amount && (amount is < SmartRetryCurrencies.MinimumAmount or > SmartRetryCurrencies.MaximumAmount
            || (SmartRetryCurrencies.TryGetExponent(series.Currency, out int exponent) && decimal.Round(amount, exponent) != amount)))
        {
            errors["/amount"] = [$"Must be between {SmartRetryCurrencies.MinimumAmount} and {SmartRetryCurrencies.MaximumAmount:0} with the currency's decimals."];
        }

        if (request.ScheduledDate is { } date && date <= DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime))
        {
            errors["/scheduled_date"] = ["Must be a future date (YYYY-MM-DD)."];
        }

        if (errors.Count > 0)
        {
            return HandlerResult.Failure<FutureTransactionResultView>(PaymentsProblem.Validation(errors, RecurringRoutes.FutureTransactionsPath(seriesId)));
        }

        return await CallAsync(seriesId, async () => new FutureTransactionResultView(
            futureTransactionId,
            await smartRetry.UpdateFutureTransactionAsync(new FutureTransactionUpdate(futureTransactionId, series.RecurringId!, request.Amount, request.ScheduledDate), cancellationToken)),
            HttpStatusCode.OK);
    }

    public async Task<HandlerResult<FutureTransactionResultView>> ChargeNowAsync(string seriesId, string futureTransactionId, CancellationToken cancellationToken)
    {
        (RecurringSeries? series, PaymentsProblem? problem) = await PlatformSeriesAsync(seriesId, cancellationToken, futureTransactionId);
        if (series is null)
        {
            return HandlerResult.Failure<FutureTransactionResultView>(problem!);
        }

        string key = IdempotencyKeys.Derive(seriesId, $"ft-charge-{futureTransactionId}");
        return await CallAsync(seriesId, async () =>
        {
            SubmissionResult result = await smartRetry.ChargeFutureTransactionAsync(new FutureTransactionCharge(key, futureTransactionId, series.RecurringId!), cancellationToken);
            LogCharged(logger, seriesId, futureTransactionId, result.Accepted);
            return new FutureTransactionResultView(futureTransactionId, result.Accepted, result.TransactionId);
        }, HttpStatusCode.OK);
    }

    public async Task<HandlerResult<FutureTransactionResultView>> CancelAsync(string seriesId, string futureTransactionId, CancellationToken cancellationToken)
    {
        (RecurringSeries? series, PaymentsProblem? problem) = await PlatformSeriesAsync(seriesId, cancellationToken, futureTransactionId);
        if (series is null)
        {
            return HandlerResult.Failure<FutureTransactionResultView>(problem!);
        }

        string key = IdempotencyKeys.Derive(seriesId, $"ft-cancel-{futureTransactionId}");
        return await CallAsync(seriesId, async () => new FutureTransactionResultView(
            futureTransactionId,
            await smartRetry.CancelFutureTransactionAsync(key, futureTransactionId, series.RecurringId!, cancellationToken)),
            HttpStatusCode.OK);
    }

    private async Task<(RecurringSeries?, PaymentsProblem?)> PlatformSeriesAsync(string seriesId, CancellationToken cancellationToken, string? futureTransactionId = null)
    {
        if (futureTransactionId is not null && (futureTransactionId.Length != 8 || !futureTransactionId.All(char.IsAsciiLetterOrDigit)))
        {
            return (null, PaymentsProblem.Validation(
                new Dictionary<string, string[]> { ["/future_transaction_id"] = ["Must be SmartRetry's 8-character future transaction id."] },
                RecurringRoutes.FutureTransactionsPath(seriesId)));
        }

        RecurringSeries? series = RecurringSeriesIds.IsWellFormed(seriesId) ? await store.GetAsync(seriesId, cancellationToken) : null;
        if (series is null)
        {
            return (null, RecurringProblems.NotFound(seriesId));
        }

        if (series.ManagedBy != SeriesManagement.OurPlatform)
        {
            return (null, PaymentsProblem.Conflict(
                RecurringProblems.NotPlatformManaged,
                "Only platform-managed series have future transactions.",
                "Future transactions exist for series with managed_by our_platform; this series is scheduled elsewhere.",
                RecurringRoutes.SeriesPath(seriesId)));
        }

        if (series.Status == RecurringSeriesStatus.Refused)
        {
            return (null, RecurringProblems.Transition(seriesId, "SmartRetry refused to create the series.", $"It was refused with {series.ReasonCode}; it has no future transactions."));
        }

        return series.RecurringId is null
            ? (null, RecurringProblems.Transition(seriesId, "The series is still being set up.", "SmartRetry has not confirmed the series yet; retry shortly."))
            : (series, null);
    }

    private static async Task<HandlerResult<T>> CallAsync<T>(string seriesId, Func<Task<T>> call, HttpStatusCode success)
        where T : class
    {
        try
        {
            return HandlerResult.Success(success, await call());
        }
        catch (SmartRetryRejectedException rejected)
        {
            return HandlerResult.Failure<T>(RecurringProblems.Refused(seriesId, rejected));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Future transaction {FutureTransactionId} of series {SeriesId} charged now (accepted: {Accepted})")]
    private static partial void LogCharged(ILogger logger, string seriesId, string futureTransactionId, bool accepted);
}
