using RestSharp;
using SmartRetry.Client.Http;
using SmartRetry.Client.Validation;

namespace SmartRetry.Client.FutureTransactions;

/// <summary>
/// The scheduled charges of a platform-managed series: status, update, charge now, cancel (https://www.smartretry.com/docs/concepts/recurring-payments).
/// List them with <see cref="Recurring.RecurringClient.GetStatusAsync"/>.
/// </summary>
public class FutureTransactionsClient
{
    private readonly SmartRetryPipeline? pipeline;
    private readonly string terminalPath = string.Empty;

    /// <summary>For mocking.</summary>
    protected FutureTransactionsClient()
    {
    }

    internal FutureTransactionsClient(SmartRetryPipeline pipeline, string escapedTerminalId)
    {
        this.pipeline = pipeline;
        terminalPath = escapedTerminalId;
    }

    private SmartRetryPipeline Pipeline => pipeline ?? throw SmartRetryClient.NotConnected();

    public virtual Task<SmartRetryResponse<FutureTransaction>> GetStatusAsync(string futureTransactionId, CancellationToken cancellationToken = default)
    {
        FieldRules.Identifier(futureTransactionId, "future_transaction_id");
        return Pipeline.SendAsync<FutureTransaction>(
            new ApiCall(
                "FutureTransactions.Status",
                Method.Get,
                $"v1/payments/recurring/future-transactions/status/{terminalPath}",
                Query: new("future_transaction_id", futureTransactionId)),
            cancellationToken);
    }

    /// <summary>Changes the amount or date of one scheduled charge.</summary>
    public virtual Task<SmartRetryResponse<FutureTransactionChangeResult>> UpdateAsync(
        FutureTransactionUpdateRequest request, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return Pipeline.PutAsync<FutureTransactionUpdateRequest, FutureTransactionChangeResult>(
            "FutureTransactions.Update", $"v1/payments/recurring/future-transactions/update/{terminalPath}", request, cancellationToken);
    }

    /// <summary>Runs a pending scheduled charge now.</summary>
    public virtual Task<SmartRetryResponse<FutureTransactionChargeResult>> ChargeAsync(
        FutureTransactionChargeRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return Pipeline.PostAsync<FutureTransactionChargeRequest, FutureTransactionChargeResult>(
            "FutureTransactions.Charge", $"v1/payments/recurring/future-transactions/charge/{terminalPath}", request, idempotencyKey, cancellationToken);
    }

    /// <summary>Skips one scheduled charge.</summary>
    public virtual Task<SmartRetryResponse<FutureTransactionChangeResult>> CancelAsync(
        FutureTransactionCancelRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return Pipeline.PostAsync<FutureTransactionCancelRequest, FutureTransactionChangeResult>(
            "FutureTransactions.Cancel", $"v1/payments/recurring/future-transactions/cancel/{terminalPath}", request, idempotencyKey, cancellationToken);
    }
}
