namespace SmartRetry.Functions.Shared.Durable;

/// <summary>
/// The orchestration instance id of a sale, derived from its merchant transaction id so that a repeated request finds the
/// same instance (<see cref="HashedInstanceIds"/>).
/// </summary>
public static class SaleInstanceIds
{
    public const string Prefix = "sale-";

    public static string For(string merchantTransactionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(merchantTransactionId);
        return HashedInstanceIds.For(Prefix, merchantTransactionId);
    }

    /// <summary>True for a string shaped like an id <see cref="For"/> makes; anything else cannot be a sale.</summary>
    public static bool IsWellFormed(string? paymentId) => HashedInstanceIds.IsWellFormed(Prefix, paymentId);
}
