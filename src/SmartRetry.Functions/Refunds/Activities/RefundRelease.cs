namespace SmartRetry.Functions.Refunds.Activities;

/// <summary>The release activity's input: the refund whose reservation on its original payment is given back.</summary>
public sealed record RefundRelease(string OriginalPaymentId, string RefundPaymentId);
