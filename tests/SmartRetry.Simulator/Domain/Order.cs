namespace SmartRetry.Simulator.Domain;

internal sealed record Order(string OrderId, string? MerchantOrderId, string? Description, Payer? Payer);
