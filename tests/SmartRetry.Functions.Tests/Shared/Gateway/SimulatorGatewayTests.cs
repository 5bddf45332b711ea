using SmartRetry.Client.Errors;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Simulator;

namespace SmartRetry.Functions.Tests.Shared.Gateway;

/// <summary>The gateway end to end against the simulator's outcome conventions (amount cents pick the outcome).</summary>
public sealed class SimulatorGatewayTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly SimulatorGatewayHarness harness = new();

    private SmartRetryGateway Gateway => harness.Gateway;

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task An_approved_sale_reads_back_approved_with_the_tokenized_card()
    {
        PaymentSubmissionResult submitted = await Gateway.SubmitSaleAsync(Sale("gw-approved", 49.00m), CancellationToken.None);

        Assert.True(submitted.Accepted);
        Assert.False(submitted.Replayed);
        TransactionSnapshot snapshot = await Gateway.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None);
        Assert.Equal(SmartRetryStatus.Approved, snapshot.Status);
        Assert.Equal("AUTH.APPROVED", snapshot.ReasonCode);
        Assert.Equal(1, snapshot.AttemptNumber);
        CardSummary card = Assert.IsType<CardSummary>(snapshot.Card);
        Assert.False(string.IsNullOrEmpty(card.Token));
        Assert.Equal(("1111", "411111", "Visa"), (card.LastFour, card.Bin, card.Brand));
    }

    [Theory]
    [InlineData(49.10, SmartRetryStatus.Approved, "AUTH.APPROVED", 3)]
    [InlineData(49.20, SmartRetryStatus.Declined, "PAYER_ACCOUNT.INSUFFICIENT_FUNDS", 4)]
    public async Task A_soft_decline_is_processing_while_SmartRetry_retries_then_final(decimal amount, SmartRetryStatus final, string reasonCode, int attempts)
    {
        PaymentSubmissionResult submitted = await Gateway.SubmitSaleAsync(Sale("gw-soft", amount), CancellationToken.None);
        Assert.True(submitted.Accepted);

        TransactionSnapshot retrying = await Gateway.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None);
        Assert.Equal((SmartRetryStatus.Processing, "PAYER_ACCOUNT.INSUFFICIENT_FUNDS"), (retrying.Status, retrying.ReasonCode));

        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(2));

        TransactionSnapshot done = await Gateway.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None);
        Assert.Equal((final, reasonCode, attempts), (done.Status, done.ReasonCode, done.AttemptNumber));
    }

    [Fact]
    public async Task A_hard_decline_is_not_accepted_and_reads_back_declined_with_its_reason()
    {
        PaymentSubmissionResult submitted = await Gateway.SubmitSaleAsync(Sale("gw-hard", 49.30m), CancellationToken.None);

        Assert.False(submitted.Accepted);
        TransactionSnapshot snapshot = await Gateway.GetTransactionAsync(submitted.TransactionId!, CancellationToken.None);
        Assert.Equal((SmartRetryStatus.Declined, "PAYMENT_METHOD.EXPIRED_CARD", "PAYMENT_METHOD"), (snapshot.Status, snapshot.ReasonCode, snapshot.Domain));
    }

    [Fact]
    public async Task The_same_key_is_replayed_and_a_changed_body_under_it_is_rejected_as_a_conflict()
    {
        PaymentSubmissionResult first = await Gateway.SubmitSaleAsync(Sale("gw-replay", 49.00m), CancellationToken.None);
        PaymentSubmissionResult second = await Gateway.SubmitSaleAsync(Sale("gw-replay", 49.00m), CancellationToken.None);

        Assert.Equal(first with { Replayed = true }, second);
        PaymentSubmissionResult conflict = await Gateway.SubmitSaleAsync(Sale("gw-replay", 50.00m), CancellationToken.None);
        Assert.Equal(new PaymentRejection("IDEMPOTENCY_CONFLICT", 409), conflict.Rejection);
    }

    [Fact]
    public async Task A_connection_dropped_after_the_sale_ran_propagates_and_the_retry_with_the_same_key_gets_the_same_sale()
    {
        harness.Simulator.SetFaults(new SimulatorFaults { DropConnectionsNext = 1 });

        var dropped = await Assert.ThrowsAsync<SmartRetryTransportException>(() => Gateway.SubmitSaleAsync(Sale("gw-dropped", 49.00m), CancellationToken.None));
        PaymentSubmissionResult retried = await Gateway.SubmitSaleAsync(Sale("gw-dropped", 49.00m), CancellationToken.None);

        Assert.Equal("gw-dropped", dropped.IdempotencyKey);
        Assert.True(retried.Accepted);
        Assert.True(retried.Replayed);
    }

    [Fact]
    public async Task A_503_before_the_sale_ran_propagates_and_the_retry_with_the_same_key_runs_it_once()
    {
        harness.Simulator.SetFaults(new SimulatorFaults { ServerErrorsNext = 1 });

        var unavailable = await Assert.ThrowsAsync<SmartRetryApiException>(() => Gateway.SubmitSaleAsync(Sale("gw-503", 49.00m), CancellationToken.None));
        PaymentSubmissionResult retried = await Gateway.SubmitSaleAsync(Sale("gw-503", 49.00m), CancellationToken.None);

        Assert.Equal(503, unavailable.StatusCode);
        Assert.True(retried.Accepted);
        Assert.False(retried.Replayed);
    }

    [Fact]
    public async Task A_429_is_waited_out_by_the_client_and_the_sale_goes_through()
    {
        harness.Simulator.SetFaults(new SimulatorFaults { RateLimitBurst = 1, RetryAfterSeconds = 2 });

        Task<PaymentSubmissionResult> call = harness.RetryingGateway.SubmitSaleAsync(Sale("gw-429", 49.00m), CancellationToken.None);
        await WaitForRetryAfterAsync(TimeSpan.FromSeconds(2));
        Assert.False(call.IsCompleted);
        harness.RetryClock.Advance(TimeSpan.FromSeconds(2));
        PaymentSubmissionResult submitted = await call.WaitAsync(Guard);

        Assert.True(submitted.Accepted);
        Assert.False(submitted.Replayed);
    }

    [Fact]
    public async Task Partial_refunds_of_an_approved_sale_are_approved_until_they_would_exceed_it()
    {
        PaymentSubmissionResult sale = await Gateway.SubmitSaleAsync(Sale("gw-refunded", 49.00m), CancellationToken.None);

        PaymentSubmissionResult first = await Gateway.RefundAsync(Refund("gw-refund-1", sale, 30.00m), CancellationToken.None);
        PaymentSubmissionResult replayed = await Gateway.RefundAsync(Refund("gw-refund-1", sale, 30.00m), CancellationToken.None);
        PaymentSubmissionResult exceeded = await Gateway.RefundAsync(Refund("gw-refund-2", sale, 20.00m), CancellationToken.None);
        PaymentSubmissionResult rest = await Gateway.RefundAsync(Refund("gw-refund-3", sale, 19.00m), CancellationToken.None);

        Assert.True(first.Accepted);
        Assert.NotEqual(sale.TransactionId, first.TransactionId);
        Assert.Equal(first with { Replayed = true }, replayed);
        Assert.Equal(new PaymentRejection("REFUND_AMOUNT_EXCEEDED", 400), exceeded.Rejection);
        Assert.True(rest.Accepted);
        TransactionSnapshot refunded = await Gateway.GetTransactionAsync(first.TransactionId!, CancellationToken.None);
        Assert.Equal(SmartRetryStatus.Approved, refunded.Status);
    }

    [Fact]
    public async Task A_refund_of_a_declined_sale_is_rejected_as_not_approved()
    {
        PaymentSubmissionResult declined = await Gateway.SubmitSaleAsync(Sale("gw-declined", 49.30m), CancellationToken.None);

        PaymentSubmissionResult rejected = await Gateway.RefundAsync(Refund("gw-refund-declined", declined, 10.00m), CancellationToken.None);

        Assert.Equal(new PaymentRejection("ORIGINAL_TRANSACTION_NOT_APPROVED", 409), rejected.Rejection);
    }

    private static RefundSubmission Refund(string idempotencyKey, PaymentSubmissionResult original, decimal amount) =>
        new(idempotencyKey + "-payment", idempotencyKey, original.TransactionId!, original.OrderId!, idempotencyKey + "-mt", amount, "USD");

    private static GatewaySale Sale(string idempotencyKey, decimal amount) => GatewayHarness.Sale(idempotencyKey, amount: amount);

    /// <summary>Skips the attempt-timeout timers the client also starts until the Retry-After wait is scheduled.</summary>
    private async Task WaitForRetryAfterAsync(TimeSpan retryAfter)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (await harness.RetryClock.NextTimerAsync().AsTask().WaitAsync(guard.Token) != retryAfter)
        {
        }
    }
}
