namespace SmartRetry.Simulator.Domain;

/// <summary>One SmartRetry transaction of any type (§3.1). Mutated only under <see cref="SimulatorState.Sync"/>.</summary>
internal sealed class Transaction
{
    public required string TransactionId { get; init; }

    public required string Type { get; init; }

    public required Order Order { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required TransactionStatus Status { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public string? MerchantTransactionId { get; init; }

    public string? Description { get; init; }

    public CardOnFile? Card { get; init; }

    /// <summary>The transaction this one captures, refunds or voids.</summary>
    public string? ReferenceTransactionId { get; init; }

    public string? RecurringId { get; init; }

    public string? FutureTransactionId { get; init; }

    public int AttemptNumber { get; set; } = 1;

    public string? AuthorizationCode { get; set; }

    public decimal RefundedAmount { get; set; }

    public bool Captured { get; set; }

    public bool Voided { get; set; }
}
