using RestSharp;
using SmartRetry.Client.Http;
using SmartRetry.Client.Validation;

namespace SmartRetry.Client.Recurring;

/// <summary>
/// Recurring series: init, status, charge, update, cancel (https://www.smartretry.com/docs/concepts/recurring-payments). POSTs carry an
/// <c>Idempotency-Key</c> (yours or a generated one); updates are PUTs, which SmartRetry does not deduplicate.
/// </summary>
public class RecurringClient
{
    private readonly SmartRetryPipeline? pipeline;
    private readonly string terminalPath = string.Empty;

    /// <summary>For mocking.</summary>
    protected RecurringClient()
    {
    }

    internal RecurringClient(SmartRetryPipeline pipeline, string escapedTerminalId)
    {
        this.pipeline = pipeline;
        terminalPath = escapedTerminalId;
    }

    private SmartRetryPipeline Pipeline => pipeline ?? throw SmartRetryClient.NotConnected();

    /// <summary>Creates a series and runs its first payment.</summary>
    public virtual Task<SmartRetryResponse<RecurringInitResult>> InitAsync(
        RecurringInitRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request, Pipeline.Today);
        return Pipeline.PostAsync<RecurringInitRequest, RecurringInitResult>(
            "Recurring.Init", $"v1/payments/recurring/init/{terminalPath}", request, idempotencyKey, cancellationToken);
    }

    /// <summary>A series' state, schedule, history and upcoming charges.</summary>
    public virtual Task<SmartRetryResponse<RecurringStatus>> GetStatusAsync(string recurringId, CancellationToken cancellationToken = default)
    {
        FieldRules.Identifier(recurringId, "recurring_id");
        return Pipeline.SendAsync<RecurringStatus>(
            new ApiCall("Recurring.Status", Method.Get, $"v1/payments/recurring/status/{terminalPath}", Query: new("recurring_id", recurringId)),
            cancellationToken);
    }

    /// <summary>Charges a merchant-managed series now.</summary>
    public virtual Task<SmartRetryResponse<RecurringChargeResult>> ChargeAsync(
        RecurringChargeRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return Pipeline.PostAsync<RecurringChargeRequest, RecurringChargeResult>(
            "Recurring.Charge", $"v1/payments/recurring/charge/{terminalPath}", request, idempotencyKey, cancellationToken);
    }

    /// <summary>Changes the amount, schedule or payment count of a series.</summary>
    public virtual Task<SmartRetryResponse<RecurringChangeResult>> UpdateAsync(
        RecurringUpdateRequest request, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return Pipeline.PutAsync<RecurringUpdateRequest, RecurringChangeResult>(
            "Recurring.Update", $"v1/payments/recurring/update/{terminalPath}", request, cancellationToken);
    }

    /// <summary>Cancels a series for good.</summary>
    public virtual Task<SmartRetryResponse<RecurringChangeResult>> CancelAsync(
        RecurringCancelRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return Pipeline.PostAsync<RecurringCancelRequest, RecurringChangeResult>(
            "Recurring.Cancel", $"v1/payments/recurring/cancel/{terminalPath}", request, idempotencyKey, cancellationToken);
    }
}
