using RestSharp;
using SmartRetry.Client.Http;
using SmartRetry.Client.Validation;

namespace SmartRetry.Client.Payments;

/// <summary>
/// Sale, pre-authorization, capture, refund, void and transaction status (https://www.smartretry.com/docs/api-reference/overview). Every POST
/// carries an <c>Idempotency-Key</c>: pass your own deterministic key to make retries across processes safe, or let
/// the client generate one per call. Requests are validated before anything is sent.
/// </summary>
public class PaymentsClient
{
    private readonly SmartRetryPipeline? pipeline;
    private readonly string terminalPath = string.Empty;

    // The payment paths are built once per client: formatting them on every call was a string per payment.
    private readonly string salePath = string.Empty;
    private readonly string preauthPath = string.Empty;
    private readonly string capturePath = string.Empty;
    private readonly string refundPath = string.Empty;
    private readonly string voidPath = string.Empty;

    /// <summary>For mocking.</summary>
    protected PaymentsClient()
    {
    }

    internal PaymentsClient(SmartRetryPipeline pipeline, string escapedTerminalId)
    {
        this.pipeline = pipeline;
        terminalPath = escapedTerminalId;
        salePath = $"v1/payments/sale/{escapedTerminalId}";
        preauthPath = $"v1/payments/preauth/{escapedTerminalId}";
        capturePath = $"v1/payments/capture/{escapedTerminalId}";
        refundPath = $"v1/payments/refund/{escapedTerminalId}";
        voidPath = $"v1/payments/void/{escapedTerminalId}";
    }

    private SmartRetryPipeline Pipeline => pipeline ?? throw SmartRetryClient.NotConnected();

    /// <summary>Authorizes and captures in one call.</summary>
    public virtual Task<SmartRetryResponse<PaymentResult>> SaleAsync(
        PaymentRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request, Pipeline.Today);
        return Pipeline.PostAsync<PaymentRequest, PaymentResult>("Payments.Sale", salePath, request, idempotencyKey, cancellationToken);
    }

    /// <summary>Authorizes only (holds the funds); follow with <see cref="CaptureAsync"/> or <see cref="VoidAsync"/>.</summary>
    public virtual Task<SmartRetryResponse<PaymentResult>> PreauthorizeAsync(
        PaymentRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request, Pipeline.Today);
        return Pipeline.PostAsync<PaymentRequest, PaymentResult>("Payments.Preauth", preauthPath, request, idempotencyKey, cancellationToken);
    }

    /// <summary>Settles a pre-authorization; the result carries the capture's new transaction id.</summary>
    public virtual Task<SmartRetryResponse<PaymentResult>> CaptureAsync(
        CaptureRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return Pipeline.PostAsync<CaptureRequest, PaymentResult>("Payments.Capture", capturePath, request, idempotencyKey, cancellationToken);
    }

    /// <summary>Refunds a sale or capture, fully or partly.</summary>
    public virtual Task<SmartRetryResponse<PaymentResult>> RefundAsync(
        RefundRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return Pipeline.PostAsync<RefundRequest, PaymentResult>("Payments.Refund", refundPath, request, idempotencyKey, cancellationToken);
    }

    /// <summary>Releases an uncaptured pre-authorization.</summary>
    public virtual Task<SmartRetryResponse<PaymentResult>> VoidAsync(
        VoidRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        RequestValidator.Validate(request);
        return Pipeline.PostAsync<VoidRequest, PaymentResult>("Payments.Void", voidPath, request, idempotencyKey, cancellationToken);
    }

    /// <summary>Any transaction's details and current status.</summary>
    public virtual Task<SmartRetryResponse<TransactionDetails>> GetStatusAsync(string transactionId, CancellationToken cancellationToken = default)
    {
        FieldRules.Identifier(transactionId, "transaction_id");
        return Pipeline.SendAsync<TransactionDetails>(
            new ApiCall("Payments.Status", Method.Get, $"v1/payments/status/{terminalPath}/{Uri.EscapeDataString(transactionId)}"),
            cancellationToken);
    }
}
