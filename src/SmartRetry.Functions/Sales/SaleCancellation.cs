namespace SmartRetry.Functions.Sales;

/// <summary>The <c>202 Accepted</c> body of a cancel request: the workflow was asked to cancel; the status link shows the outcome.</summary>
public sealed record SaleCancellation(string PaymentId, DateTimeOffset ScheduledAt, DateTimeOffset RequestedAt, SaleLinks Links);
