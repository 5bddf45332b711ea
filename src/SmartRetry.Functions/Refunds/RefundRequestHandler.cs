using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartRetry.Client.Models;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Tracking;

namespace SmartRetry.Functions.Refunds;

/// <summary>
/// <c>POST /api/payments/{paymentId}/refund</c>: validate, check the original (approved, not itself a refund), claim
/// the refund id (<see cref="RequestClaims"/>, keyed by the refund's payment id), reserve the amount on the original
/// (<see cref="IRefundReservations"/>: concurrent partial refunds cannot exceed it), record the refund and schedule
/// <see cref="RefundWorkflow"/>. The same refund id with the same body answers as the first time; with
/// another body it is a 409. A refused request changes nothing: its claim is dropped again.
/// </summary>
public sealed partial class RefundSubmissionHandler(
    IPaymentLedger ledger,
    IRefundReservations reservations,
    RequestClaims claims,
    IOptions<PaymentRequestOptions> options,
    IOptions<TrackingOptions> tracking,
    TimeProvider timeProvider,
    ILogger<RefundSubmissionHandler> logger)
{
    /// <param name="durable">The invocation's Durable client (the host binds one per call).</param>
    /// <param name="paymentId">The payment to refund, from the route.</param>
    public async Task<HandlerResult<RefundAccepted>> SubmitAsync(DurableTaskClient durable, string paymentId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(paymentId);
        string instance = RefundRoutes.SubmitPath(paymentId);
        if (JsonRequestReader.Read<PaymentRefundRequest>(body, out PaymentsProblem? problem) is not { } request)
        {
            return HandlerResult.Failure<RefundAccepted>(problem! with { Instance = instance });
        }

        if (RefundRequestValidator.Validate(request, out IReadOnlyDictionary<string, string[]> errors) is not { } refund)
        {
            LogRejected(logger, errors.Keys);
            return HandlerResult.Failure<RefundAccepted>(PaymentsProblem.Validation(errors, instance));
        }

        PaymentLedgerEntry? original = paymentId.Length == 0 ? null : await ledger.GetAsync(paymentId, cancellationToken);
        if (original is null)
        {
            return HandlerResult.Failure<RefundAccepted>(PaymentsProblem.NotFound("No payment has this id.", instance));
        }

        if (NotRefundable(original) is { } reason)
        {
            return HandlerResult.Failure<RefundAccepted>(PaymentsProblem.Conflict(ProblemTypes.NotRefundable, "The payment cannot be refunded.", reason, instance));
        }

        if (RefundRequestValidator.CheckAgainst(refund, original) is { } mismatches)
        {
            LogRejected(logger, mismatches.Keys);
            return HandlerResult.Failure<RefundAccepted>(PaymentsProblem.Validation(mismatches, instance));
        }

        string refundPaymentId = RefundInstanceIds.For(paymentId, refund.RefundId);
        using IDisposable? scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = refundPaymentId, ["OriginalPaymentId"] = paymentId });
        DateTimeOffset now = timeProvider.GetUtcNow();
        RequestClaim claim = await claims.ClaimAsync(
            durable,
            new IdempotencyRecord(refundPaymentId, RefundFingerprint.Compute(paymentId, refund), RefundFingerprint.HashKeyId, refundPaymentId, IdempotencyState.Claimed, now),
            held => RefundFingerprint.Matches(paymentId, refund, held.RequestHash),
            options.Value.ClaimLease,
            cancellationToken);
        switch (claim.Outcome)
        {
            case RequestClaimOutcome.Conflict:
                LogConflict(logger);
                return HandlerResult.Failure<RefundAccepted>(PaymentsProblem.Conflict(
                    ProblemTypes.IdempotencyConflict,
                    "This refund_id was already used for a different refund.",
                    "A refund of this payment with this refund_id exists and its details differ. Use a new refund_id for a new refund.",
                    instance));
            case RequestClaimOutcome.Completed when await ledger.GetAsync(refundPaymentId, cancellationToken) is { } recorded:
                LogReplayed(logger);
                return Accepted(original, refund, recorded.Amount, refundPaymentId, replayed: true);
            case RequestClaimOutcome.Completed or RequestClaimOutcome.InProgress:
                LogInProgress(logger);
                return HandlerResult.Failure<RefundAccepted>(PaymentsProblem.Conflict(
                    ProblemTypes.RequestInProgress,
                    "An identical request is being processed.",
                    "The same refund request is being scheduled right now. Retry in a few seconds to get its result.",
                    instance));
        }

        RefundReservation reservation;
        try
        {
            reservation = await reservations.ReserveAsync(paymentId, original.Amount, refundPaymentId, refund.Amount, cancellationToken);
            if (reservation.IsReserved)
            {
                await ScheduleAsync(durable, original, refund, refundPaymentId, reservation.Amount, now, cancellationToken);
            }
        }
        catch (Exception)
        {
            // A reservation made stays: the instance may have been scheduled after all, and a retry with the same
            // refund_id takes the claim over and finds the same reservation.
            await claims.ReleaseAsync(claim.Record);
            throw;
        }

        if (!reservation.IsReserved)
        {
            await claims.ForgetAsync(claim.Record);
            return HandlerResult.Failure<RefundAccepted>(Refused(reservation, original, instance));
        }

        await claims.CompleteAsync(claim.Record, cancellationToken);
        LogScheduled(logger, reservation.Amount, reservation.Remaining);
        return Accepted(original, refund, reservation.Amount, refundPaymentId, replayed: false);
    }

    private static string? NotRefundable(PaymentLedgerEntry original) =>
        original.Kind == PaymentKind.Refund ? "A refund cannot itself be refunded."
        : original.Status != PaymentStatus.Approved ? $"Only an approved payment can be refunded; this one is {original.Status}."
        : original.TransactionId is null || original.OrderId is null ? "SmartRetry's transaction and order of this payment are not on record, so it cannot be refunded here."
        : null;

    private static PaymentsProblem Refused(RefundReservation reservation, PaymentLedgerEntry original, string instance) =>
        reservation.Outcome == RefundReservationOutcome.FullyRefunded
            ? PaymentsProblem.Conflict(ProblemTypes.NotRefundable, "The payment cannot be refunded.", "Its whole amount is refunded already, or being refunded.", instance)
            : PaymentsProblem.Validation(
                new Dictionary<string, string[]>
                {
                    ["/amount"] = [$"At most {reservation.Remaining.ToString(CultureInfo.InvariantCulture)} {original.Currency} is left to refund of this payment (refunds in progress count)."],
                },
                instance);

    private async Task ScheduleAsync(
        DurableTaskClient durable, PaymentLedgerEntry original, ValidatedRefund refund, string refundPaymentId, decimal amount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ledger.RecordAsync(
            new PaymentLedgerEntry(refundPaymentId, refund.RefundId, PaymentKind.Refund, amount, original.Currency, PaymentStatus.Scheduled, now, OriginalPaymentId: original.PaymentId),
            cancellationToken);
        var input = new RefundInput(
            refundPaymentId,
            original.PaymentId,
            refund.RefundId,
            original.TransactionId!,
            original.OrderId!,
            amount,
            original.Currency,
            tracking.Value.Policy,
            refund.Reason);
        await durable.ScheduleNewUnlessRunningAsync(nameof(RefundWorkflow), refundPaymentId, input, cancellationToken);
    }

    private static HandlerResult<RefundAccepted> Accepted(PaymentLedgerEntry original, ValidatedRefund refund, decimal amount, string refundPaymentId, bool replayed) =>
        HandlerResult.Success(HttpStatusCode.Accepted, new RefundAccepted(
            refundPaymentId,
            original.PaymentId,
            refund.RefundId,
            amount,
            original.Currency,
            PaymentStatus.Scheduled,
            replayed,
            new RefundLinks(PaymentRoutes.StatusPath(refundPaymentId), PaymentRoutes.StatusPath(original.PaymentId))));

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund request rejected; invalid fields: {Fields}")]
    private static partial void LogRejected(ILogger logger, IEnumerable<string> fields);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refund request conflicts with an earlier refund under the same refund id")]
    private static partial void LogConflict(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund request repeats an earlier one; answering with the same refund")]
    private static partial void LogReplayed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund request repeats one that is still being scheduled; asked to retry")]
    private static partial void LogInProgress(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund of {Amount} scheduled; {Remaining} left to refund")]
    private static partial void LogScheduled(ILogger logger, decimal amount, decimal remaining);
}

/// <summary>
/// Checks a refund request, collecting every problem keyed by the field's JSON pointer: first on its own, then against
/// the original payment (its currency's decimals, its merchant transaction id). Messages describe the rule, never the
/// value sent.
/// </summary>
public static class RefundRequestValidator
{
    public const int MaxRefundIdLength = 100;
    public const int MaxReasonLength = 200;

    /// <summary>The request's fields checked on their own; null with <paramref name="errors"/> naming each bad field.</summary>
    public static ValidatedRefund? Validate(PaymentRefundRequest request, out IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.RefundId))
        {
            found["/refund_id"] = ["Required: your id for this refund (repeat it to repeat the request safely)."];
        }
        else if (request.RefundId.Length > MaxRefundIdLength || request.RefundId.Any(char.IsControl))
        {
            found["/refund_id"] = [$"At most {MaxRefundIdLength} characters, without control characters."];
        }

        if (request.Amount is { } amount && amount is < SmartRetryCurrencies.MinimumAmount or > SmartRetryCurrencies.MaximumAmount)
        {
            found["/amount"] = [$"Must be between {SmartRetryCurrencies.MinimumAmount} and {SmartRetryCurrencies.MaximumAmount.ToString(CultureInfo.InvariantCulture)} (SmartRetry's limits); omit it to refund all that is left."];
        }

        if (request.Reason is { } reason && (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength || reason.Any(char.IsControl)))
        {
            found["/reason"] = [$"At most {MaxReasonLength} characters, not blank, without control characters; or omit it."];
        }

        errors = found;
        return found.Count > 0 ? null : new ValidatedRefund(request.RefundId!, request.Amount, request.Reason);
    }

    /// <summary>What the refund must respect of its original; null when it does, otherwise the errors by pointer.</summary>
    public static IReadOnlyDictionary<string, string[]>? CheckAgainst(ValidatedRefund refund, PaymentLedgerEntry original)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(original);
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.Equals(refund.RefundId, original.MerchantTransactionId, StringComparison.Ordinal))
        {
            found["/refund_id"] = ["Must differ from the original payment's merchant_transaction_id (SmartRetry requires it)."];
        }

        if (refund.Amount is { } amount && SmartRetryCurrencies.TryGetExponent(original.Currency, out int exponent) && decimal.Round(amount, exponent) != amount)
        {
            found["/amount"] = [$"{original.Currency} allows at most {exponent} decimal place{(exponent == 1 ? "" : "s")}."];
        }

        return found.Count > 0 ? found : null;
    }
}

/// <summary>
/// The idempotency fingerprint of a refund request: SHA-256 over a canonical JSON form (fixed field order, amount
/// without trailing zeros), so the same request sent with other whitespace, field order or <c>12.50</c> for
/// <c>12.5</c> matches and any real difference does not. A refund carries no card data, so a plain hash will do.
/// </summary>
public static class RefundFingerprint
{
    /// <summary>Stands where a sale's fingerprint names its HMAC key: this hash needs none.</summary>
    public const string HashKeyId = "sha256";

    public static string Compute(string originalPaymentId, ValidatedRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        using var canonical = new MemoryStream();
        using (var json = new Utf8JsonWriter(canonical))
        {
            json.WriteStartArray();
            json.WriteStringValue(originalPaymentId);
            json.WriteStringValue(refund.RefundId);
            WriteOptional(json, refund.Amount?.ToString("G29", CultureInfo.InvariantCulture));
            WriteOptional(json, refund.Reason);
            json.WriteEndArray();
        }

        return Convert.ToBase64String(SHA256.HashData(canonical.ToArray()));
    }

    public static bool Matches(string originalPaymentId, ValidatedRefund refund, string hash) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(Compute(originalPaymentId, refund)), Convert.FromBase64String(hash));

    private static void WriteOptional(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}
