namespace SmartRetry.Simulator.Domain;

internal enum OutcomeKind
{
    Approved,
    ProcessingThenApproved,
    ProcessingThenDeclined,
    Unknown,
    Error,
    SoftDeclineRecovered,
    SoftDeclineExhausted,
    HardDecline,
}

/// <summary>
/// The simulator's documented outcome conventions, chosen by the amount's cents (hundredths of the major unit):
/// <c>.00</c> and anything not listed approves; see the table in docs/local-run.md.
/// </summary>
internal sealed record Outcome(OutcomeKind Kind, DeclineReason? Decline = null)
{
    /// <summary>The attempt on which a recovered soft decline is approved (two automatic retries).</summary>
    public const int RecoveredOnAttempt = 3;

    /// <summary>Attempts in total before an unrecovered soft decline becomes final.</summary>
    public const int MaxAttempts = 4;

    /// <summary>Simulated delays before automatic retry 1, 2 and 3.</summary>
    public static IReadOnlyList<TimeSpan> RetryDelays { get; } = [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24)];

    /// <summary>Simulated time a <c>PROCESSING</c> transaction takes to resolve.</summary>
    public static TimeSpan ProcessingDelay { get; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Cents <c>.40</c>: a sale or pre-authorization SmartRetry refuses itself (422 <c>PROVIDER_POLICY_VIOLATION</c>):
    /// structurally valid, refused by business rules a client cannot check, and no transaction is created.
    /// </summary>
    public static bool IsRefused(decimal amount) => Cents(amount) == 40;

    public static Outcome For(decimal amount)
    {
        int cents = Cents(amount);
        return cents switch
        {
            1 => new Outcome(OutcomeKind.ProcessingThenApproved),
            2 => new Outcome(OutcomeKind.ProcessingThenDeclined, DeclineReason.GenericIssuerDecline),
            3 => new Outcome(OutcomeKind.Unknown),
            4 => new Outcome(OutcomeKind.Error),
            >= 10 and < 18 => new Outcome(OutcomeKind.SoftDeclineRecovered, DeclineReason.Soft[cents - 10]),
            >= 20 and < 28 => new Outcome(OutcomeKind.SoftDeclineExhausted, DeclineReason.Soft[cents - 20]),
            >= 30 and < 35 => new Outcome(OutcomeKind.HardDecline, DeclineReason.Hard[cents - 30]),
            _ => new Outcome(OutcomeKind.Approved),
        };
    }

    private static int Cents(decimal amount) => (int)(decimal.Truncate(amount * 100) % 100);
}
