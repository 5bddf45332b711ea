using Moq;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Tests.Shared.Series;

/// <summary>
/// SmartRetry behind the gateway ports (Moq), scripted per charge: <see cref="DeclineCodeFor"/> returns null to
/// approve the n-th charge (0-based) or a reason code to decline it. Approved charges answer <c>accepted:true</c> and
/// read as APPROVED on the status endpoint; declined ones answer <c>accepted:false</c>. Like SmartRetry, a repeated
/// idempotency key replays the first answer instead of charging again.
/// </summary>
public sealed class ScriptedSmartRetry
{
    private readonly Dictionary<string, SubmissionResult> _byIdempotencyKey = [];
    private readonly Dictionary<string, TransactionSnapshot> _transactions = [];

    public ScriptedSmartRetry()
    {
        Recurring.Setup(g => g.ChargeRecurringAsync(It.IsAny<RecurringChargeSubmission>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((RecurringChargeSubmission charge, CancellationToken _) => Charge(charge));
        Recurring.Setup(g => g.CancelRecurringAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Recurring.Setup(g => g.UpdateRecurringAsync(It.IsAny<RecurringUpdate>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Payments.Setup(g => g.GetTransactionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => _transactions[id]);
    }

    public Mock<ISmartRetryRecurringGateway> Recurring { get; } = new();

    public Mock<ISmartRetryGateway> Payments { get; } = new();

    public Func<int, string?> DeclineCodeFor { get; set; } = _ => null;

    /// <summary>When set, decides instead of <see cref="DeclineCodeFor"/> by the charged series' SmartRetry id: null approves.</summary>
    public Func<string, string?>? DeclineCodeForSeries { get; set; }

    /// <summary>Answer every charge with <c>accepted:true</c> and leave it PROCESSING until <see cref="Settle"/>: the outcome comes by webhook.</summary>
    public bool OutcomeByWebhook { get; set; }

    /// <summary>Every charge that reached SmartRetry (replays excluded), in order.</summary>
    public List<RecurringChargeSubmission> Charges { get; } = [];

    /// <summary>Gives a pending transaction its final status, as SmartRetry's status endpoint will report it from now on.</summary>
    public void Settle(string transactionId, SmartRetryStatus status, string? reasonCode) =>
        _transactions[transactionId] = new TransactionSnapshot(transactionId, status, reasonCode, null, 2, null);

    private SubmissionResult Charge(RecurringChargeSubmission charge)
    {
        if (_byIdempotencyKey.TryGetValue(charge.IdempotencyKey, out SubmissionResult? replay))
        {
            return replay with { Replayed = true };
        }

        string? declineCode = DeclineCodeForSeries is { } bySeries ? bySeries(charge.RecurringId) : DeclineCodeFor(Charges.Count);
        Charges.Add(charge);
        string transactionId = $"T{Charges.Count:D7}";
        _transactions[transactionId] = OutcomeByWebhook
            ? new TransactionSnapshot(transactionId, SmartRetryStatus.Processing, null, null, 1, null)
            : new TransactionSnapshot(transactionId, declineCode is null ? SmartRetryStatus.Approved : SmartRetryStatus.Declined, declineCode ?? "AUTH.APPROVED", null, 1, null);
        var result = new SubmissionResult(OutcomeByWebhook || declineCode is null, transactionId, "OR000001");
        _byIdempotencyKey[charge.IdempotencyKey] = result;
        return result;
    }
}
