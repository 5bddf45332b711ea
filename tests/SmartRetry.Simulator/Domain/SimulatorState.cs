namespace SmartRetry.Simulator.Domain;

/// <summary>Everything the simulated SmartRetry account holds. One lock guards it all: the simulator favours clarity over throughput.</summary>
internal sealed class SimulatorState
{
    public Lock Sync { get; } = new();

    public IdGenerator Ids { get; } = new();

    public Dictionary<string, Transaction> Transactions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RecurringSeries> Series { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FutureTransaction> FutureTransactions { get; } = new(StringComparer.Ordinal);

    /// <summary>Cards by token, so a returning payer can pay with <c>token</c>.</summary>
    public Dictionary<string, CardOnFile> Cards { get; } = new(StringComparer.Ordinal);

    public void Clear()
    {
        lock (Sync)
        {
            Transactions.Clear();
            Series.Clear();
            FutureTransactions.Clear();
            Cards.Clear();
        }
    }
}
