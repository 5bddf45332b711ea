using System.Text.Json;
using Moq;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Series;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

public sealed class ChargeRecurringTests
{
    private static readonly ChargeRecurringRequest Request = new("rs-1-c3", "charge-a1-rs-1-c3-xyz", "RC000001", 19.99m, "EUR");

    private readonly Mock<ISmartRetryRecurringGateway> _recurring = new();
    private readonly Mock<ISmartRetryGateway> _payments = new();
    private readonly Mock<ICorrelationStore> _correlations = new();
    private readonly Mock<IPendingEventStore> _pending = new();

    public ChargeRecurringTests() =>
        _pending.Setup(p => p.GetAsync(CorrelationKind.Transaction, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

    [Fact]
    public async Task An_accepted_charge_is_tracked_and_its_webhooks_are_routed_to_the_cycle()
    {
        _recurring.Setup(g => g.ChargeRecurringAsync(new RecurringChargeSubmission(Request.IdempotencyKey, "RC000001", 19.99m, "EUR"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SubmissionResult(true, "TX000001", "OR000001"));

        ChargeAttemptResult result = await Activity().RunAsync(Request, CancellationToken.None);

        Assert.Equal(new ChargeAttemptResult("TX000001", SmartRetryStatus.Processing), result);
        _correlations.Verify(c => c.AddAsync(CorrelationKind.Transaction, "TX000001", "rs-1-c3", It.IsAny<CancellationToken>()), Times.Once);
        _payments.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Webhooks_that_came_before_the_charge_was_correlated_are_returned_to_the_cycle()
    {
        var early = new TransactionEvent("evt_9", "transaction.approved", DateTimeOffset.UnixEpoch, "TX000001", SmartRetryStatus.Approved, null, 1);
        _recurring.Setup(g => g.ChargeRecurringAsync(It.IsAny<RecurringChargeSubmission>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SubmissionResult(true, "TX000001", "OR000001"));
        _pending.Setup(p => p.GetAsync(CorrelationKind.Transaction, "TX000001", It.IsAny<CancellationToken>())).ReturnsAsync(
            [new PendingEvent(CorrelationKind.Transaction, "TX000001", "evt_9", OrchestrationEventNames.Transaction, early.CreatedAt, JsonSerializer.Serialize(early, PaymentsJson.Options))]);

        ChargeAttemptResult result = await Activity().RunAsync(Request, CancellationToken.None);

        Assert.Equal([early], result.EarlyEvents!);
    }

    [Fact]
    public async Task A_declined_charge_reads_the_reason_that_decides_dunning()
    {
        _recurring.Setup(g => g.ChargeRecurringAsync(It.IsAny<RecurringChargeSubmission>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SubmissionResult(false, "TX000002", "OR000001"));
        _payments.Setup(g => g.GetTransactionAsync("TX000002", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TransactionSnapshot("TX000002", SmartRetryStatus.Declined, "PAYER_ACCOUNT.INSUFFICIENT_FUNDS", "PAYER_ACCOUNT", 3, null));

        ChargeAttemptResult result = await Activity().RunAsync(Request, CancellationToken.None);

        Assert.Equal(new ChargeAttemptResult("TX000002", SmartRetryStatus.Declined, "PAYER_ACCOUNT.INSUFFICIENT_FUNDS", "PAYER_ACCOUNT"), result);
    }

    [Fact]
    public async Task A_request_SmartRetry_refuses_is_a_decline_carrying_its_reason_code()
    {
        _recurring.Setup(g => g.ChargeRecurringAsync(It.IsAny<RecurringChargeSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SmartRetryRejectedException(409, "RECURRING_NOT_ACTIVE", "Series is not active."));

        ChargeAttemptResult result = await Activity().RunAsync(Request, CancellationToken.None);

        Assert.Equal((SmartRetryStatus.Declined, "RECURRING_NOT_ACTIVE"), (result.Status, result.ReasonCode));
        _correlations.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Transport_failures_propagate_so_the_activity_retry_repeats_the_same_key()
    {
        _recurring.Setup(g => g.ChargeRecurringAsync(It.IsAny<RecurringChargeSubmission>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection reset"));

        await Assert.ThrowsAsync<HttpRequestException>(() => Activity().RunAsync(Request, CancellationToken.None));
    }

    private ChargeRecurring Activity() => new(_recurring.Object, _payments.Object, _correlations.Object, new EarlyTransactionEvents(_pending.Object));
}
