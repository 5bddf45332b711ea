namespace SmartRetry.Simulator.Domain;

/// <summary>A recurring series (§2.7–2.11). Mutated only under <see cref="SimulatorState.Sync"/>.</summary>
internal sealed class RecurringSeries
{
    public required string RecurringId { get; init; }

    public required Order Order { get; init; }

    /// <summary><c>merchant</c>, <c>our_platform</c> or <c>payment_provider</c>.</summary>
    public required string ManagedBy { get; init; }

    public required string Currency { get; init; }

    public required CardOnFile Card { get; init; }

    public required decimal Amount { get; set; }

    /// <summary>Set for <c>our_platform</c> (required) and <c>payment_provider</c> (optional) series.</summary>
    public RecurringSchedule? Schedule { get; set; }

    public int? NumberOfPayments { get; set; }

    public DateOnly? CancellationDate { get; init; }

    /// <summary><c>active</c>, <c>paused</c>, <c>cancelled</c> or <c>completed</c>.</summary>
    public string Status { get; set; } = "active";

    /// <summary>Charges run so far, whatever their outcome (the init charge is payment 1).</summary>
    public List<string> TransactionIds { get; } = [];

    public List<FutureTransaction> FutureTransactions { get; } = [];

    /// <summary>Charges that ended approved.</summary>
    public int CompletedPayments { get; set; }

    public bool IsActive => Status == "active";

    public bool IsPlatformManaged => ManagedBy == "our_platform";
}
