using System.Net;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Http;
using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Shared.Problems;

namespace SmartRetry.Functions.Sales;

/// <summary>
/// <c>POST /api/payments/{paymentId}/cancel</c>: asks a future-dated sale's workflow to cancel before it fires. A sale
/// that was not future-dated, has fired, or has finished is a 409. If the timer and the cancel cross, the workflow
/// decides (it already holds the event or the timer); the status link shows which.
/// </summary>
public sealed partial class SaleCancellationHandler(
    IPaymentLedger ledger,
    TimeProvider timeProvider,
    ILogger<SaleCancellationHandler> logger)
{
    public const int MaxReasonLength = 200;

    /// <param name="durable">The invocation's Durable client (the host binds one per call).</param>
    public async Task<HandlerResult<SaleCancellation>> CancelAsync(DurableTaskClient durable, string paymentId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (!SaleInstanceIds.IsWellFormed(paymentId))
        {
            return NotFound(paymentId);
        }

        if (reason is { Length: > MaxReasonLength } || (reason is not null && reason.Any(char.IsControl)))
        {
            return HandlerResult.Failure<SaleCancellation>(PaymentsProblem.Validation(
                new Dictionary<string, string[]> { ["/reason"] = [$"At most {MaxReasonLength} characters, without control characters."] },
                SaleRoutes.CancelPath(paymentId)));
        }

        PaymentLedgerEntry? entry = await ledger.GetAsync(paymentId, cancellationToken);
        if (entry is null)
        {
            return NotFound(paymentId);
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        if (entry.ScheduledAt is not { } scheduledAt)
        {
            return NotCancellable(paymentId, "Only a future-dated sale (one with scheduled_at) can be cancelled.");
        }

        if (entry.Status != PaymentStatus.Scheduled || scheduledAt <= now)
        {
            return NotCancellable(paymentId, $"The sale is past its scheduled time or already {entry.Status}; it can no longer be cancelled.");
        }

        RaiseEventResult raised = await durable.RaiseEventIfRunningAsync(
            paymentId, OrchestrationEventNames.CancelRequested, new CancelRequest(reason ?? "Cancelled by the merchant.", now), cancellationToken);
        switch (raised)
        {
            case RaiseEventResult.Raised:
                LogCancelRequested(logger, paymentId);
                return HandlerResult.Success(HttpStatusCode.Accepted, new SaleCancellation(
                    paymentId, scheduledAt, now, new SaleLinks(PaymentRoutes.StatusPath(paymentId), null)));
            case RaiseEventResult.InstanceFinished:
                return NotCancellable(paymentId, "The sale has already finished.");
            default:
                return NotCancellable(paymentId, "The sale is still being scheduled; retry in a moment.");
        }
    }

    private static HandlerResult<SaleCancellation> NotFound(string paymentId) =>
        HandlerResult.Failure<SaleCancellation>(PaymentsProblem.NotFound("No sale has this payment id.", SaleRoutes.CancelPath(paymentId ?? "")));

    private static HandlerResult<SaleCancellation> NotCancellable(string paymentId, string detail) =>
        HandlerResult.Failure<SaleCancellation>(PaymentsProblem.Conflict(ProblemTypes.NotCancellable, "The sale cannot be cancelled.", detail, SaleRoutes.CancelPath(paymentId)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancellation requested for future-dated sale {PaymentId}")]
    private static partial void LogCancelRequested(ILogger logger, string paymentId);
}
