namespace SmartRetry.Functions.Refunds;

/// <summary>A refund request whose fields passed validation; the amount is checked against the original next.</summary>
/// <param name="Amount">Null refunds all that is left of the original.</param>
public sealed record ValidatedRefund(string RefundId, decimal? Amount, string? Reason);
