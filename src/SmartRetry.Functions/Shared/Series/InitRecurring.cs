using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>
/// <c>recurring_init</c>: opens the card held in the vault for the series, creates the series (its first payment
/// included) with a deterministic idempotency key, puts SmartRetry's answer in the card's place in the vault, maps the
/// recurring id to the series so <c>recurring.*</c> webhooks find it, and records the first payment and the recurring id.
/// </summary>
public sealed class InitRecurring(
    ISmartRetryRecurringGateway recurring,
    ICardVault cards,
    ICardSealer sealer,
    ICorrelationStore correlations,
    IPaymentLedger ledger,
    IRecurringSeriesStore series,
    TimeProvider time)
{
    /// <summary>The idempotency step of <c>recurring_init</c>: the key is derived from the series id, once per series.</summary>
    public const string InitStep = "recurring-init";

    /// <summary>Calls this activity from a series orchestration: the first thing every series does.</summary>
    public static Task<InitRecurringResult> CallAsync(
        TaskOrchestrationContext context, string seriesId, SeriesManagement managedBy, decimal amount, string currency, SeriesSchedule? schedule, SeriesSetup setup)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(setup);
        return context.CallActivityAsync<InitRecurringResult>(
            nameof(InitRecurring),
            new InitRecurringRequest(seriesId, IdempotencyKeys.Derive(seriesId, InitStep), amount, currency, managedBy, schedule, setup.Payer) { Card = setup.Card },
            ActivityOptions.SmartRetryOutage);
    }

    public const string UnreadableCardReason = "CARD_ENVELOPE_UNREADABLE";

    /// <summary>Our reason when the vault holds neither the card nor an answer (it expired before the set-up ran).</summary>
    public const string CardNotHeldReason = "CARD_NOT_HELD";

    [Function(nameof(InitRecurring))]
    public async Task<InitRecurringResult> RunAsync([ActivityTrigger] InitRecurringRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RecurringInitAnswer answer = await AnswerAsync(request, cancellationToken);
        if (answer.RefusedReasonCode is { } reasonCode)
        {
            // Refused before anything was charged: the series ends here, visibly, with SmartRetry's reason.
            DateTimeOffset refusedAt = time.GetUtcNow();
            await series.UpdateAsync(
                request.SeriesId,
                current => current with
                {
                    Status = RecurringSeriesStatus.Refused,
                    ReasonCode = reasonCode,
                    NextDueAtUtc = null,
                    Note = $"SmartRetry refused to create the series ({reasonCode}); nothing was charged.",
                    UpdatedAt = refusedAt,
                },
                cancellationToken);
            return new InitRecurringResult(false, null, null, reasonCode);
        }

        RecurringInitReply result = answer.Result!;
        DateTimeOffset now = time.GetUtcNow();
        if (result.RecurringId is { } recurringId)
        {
            await correlations.AddAsync(CorrelationKind.Recurring, recurringId, request.SeriesId, cancellationToken);
        }

        if (result.TransactionId is { } transactionId)
        {
            await correlations.AddAsync(CorrelationKind.Transaction, transactionId, request.SeriesId, cancellationToken);
            await ledger.RecordAsync(
                new PaymentLedgerEntry(
                    $"{request.SeriesId}-init", request.SeriesId, PaymentKind.RecurringInit, request.Amount, request.Currency,
                    result.Accepted ? PaymentStatus.Approved : PaymentStatus.Declined, now, transactionId, result.OrderId,
                    Note: result.Accepted ? "First payment of the series." : "First payment declined: the series was not created."),
                cancellationToken);
        }

        bool created = result.Accepted && result.RecurringId is not null;
        await series.UpdateAsync(
            request.SeriesId,
            current => current with
            {
                RecurringId = result.RecurringId ?? current.RecurringId,
                Status = created ? current.Status : RecurringSeriesStatus.Cancelled,
                Note = created ? "Created at SmartRetry." : "The first payment was declined; the series was not created.",
                UpdatedAt = now,
            },
            cancellationToken);
        return new InitRecurringResult(created, result.RecurringId, result.TransactionId);
    }

    /// <summary>
    /// SmartRetry's answer to the set-up: asked now with the card from the vault, which the answer then replaces there
    /// (the card has served its purpose), or the answer recorded when this activity asked before a crash.
    /// </summary>
    private async Task<RecurringInitAnswer> AnswerAsync(InitRecurringRequest request, CancellationToken cancellationToken)
    {
        HeldCard<RecurringInitAnswer> held;
        try
        {
            held = request.Card is { } carried
                ? new HeldCard<RecurringInitAnswer>(sealer.Unseal(carried), null)
                : await cards.OpenAsync<RecurringInitAnswer>(request.SeriesId, cancellationToken);
        }
        catch (CardSealingException)
        {
            return RecurringInitAnswer.Refused(UnreadableCardReason);
        }

        if (held.Answer is { } recorded)
        {
            return recorded;
        }

        if (held.Card is not { } card)
        {
            return RecurringInitAnswer.Refused(CardNotHeldReason);
        }

        RecurringInitAnswer answer;
        try
        {
            answer = new RecurringInitAnswer(await recurring.InitRecurringAsync(
                new RecurringInitSubmission(request.IdempotencyKey, request.Amount, request.Currency, request.ManagedBy, request.Schedule, card, request.Payer),
                cancellationToken));
        }
        catch (SmartRetryRejectedException rejected)
        {
            answer = RecurringInitAnswer.Refused(rejected.ReasonCode ?? $"HTTP_{rejected.StatusCode}");
        }

        if (request.Card is null)
        {
            await cards.RecordAnswerAsync(request.SeriesId, answer, cancellationToken);
        }

        return answer;
    }
}

/// <summary>What SmartRetry said to a series' set-up, as the card vault keeps it in the card's place: the result, or the reason it refused.</summary>
public sealed record RecurringInitAnswer(RecurringInitReply? Result, string? RefusedReasonCode = null)
{
    public static RecurringInitAnswer Refused(string reasonCode) => new(null, reasonCode);
}

/// <summary>Create the series at SmartRetry; the card is opened from the vault (under <paramref name="SeriesId"/>) only inside the activity.</summary>
public sealed record InitRecurringRequest(
    string SeriesId,
    string IdempotencyKey,
    decimal Amount,
    string Currency,
    SeriesManagement ManagedBy,
    SeriesSchedule? Schedule,
    PayerDetails Payer)
{
    /// <summary>Only from series started before the card vault, whose state still carries the sealed card.</summary>
    public SealedCard? Card { get; init; }
}

/// <summary>SmartRetry's answer to <c>recurring_init</c>, without card data. Not accepted: the first payment was declined and no series exists.</summary>
public sealed record InitRecurringResult(bool Accepted, string? RecurringId, string? TransactionId, string? ReasonCode = null);
