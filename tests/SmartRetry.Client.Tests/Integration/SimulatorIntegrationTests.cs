using SmartRetry.Client.Errors;
using SmartRetry.Client.Models;
using SmartRetry.Client.Payments;
using SmartRetry.Client.Tests.Support;
using SmartRetry.Simulator;

namespace SmartRetry.Client.Tests.Integration;

/// <summary>The real client against the simulator's outcome conventions (amount cents pick the outcome).</summary>
public sealed class SimulatorIntegrationTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly SimulatorHarness harness = new();

    private PaymentsClient Payments => harness.Client.Payments;

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task An_approved_sale_reads_back_approved_with_a_tokenized_card()
    {
        SmartRetryResponse<PaymentResult> sale = await Payments.SaleAsync(Sale(49.00m), "it-approved");

        Assert.True(sale.Value.Accepted);
        Assert.False(sale.IdempotencyReplayed);
        TransactionDetails details = (await Payments.GetStatusAsync(sale.Value.TransactionId!)).Value;
        Assert.Equal(TransactionState.Approved, details.Status!.State);
        Assert.Equal("AUTH.APPROVED", details.Status.ReasonCode);
        Assert.Equal(1, details.AttemptNumber);
        Assert.Equal("1111", details.Order!.PaymentInstrument!.CardLastFourDigits);
        Assert.False(string.IsNullOrEmpty(details.Order.PaymentInstrument.Token));
    }

    [Theory]
    [InlineData(49.10, TransactionState.Approved, "AUTH.APPROVED", 3)]
    [InlineData(49.20, TransactionState.Declined, "PAYER_ACCOUNT.INSUFFICIENT_FUNDS", 4)]
    public async Task A_soft_decline_is_processing_while_SmartRetry_retries_then_final(decimal amount, TransactionState final, string reasonCode, int attempts)
    {
        SmartRetryResponse<PaymentResult> sale = await Payments.SaleAsync(Sale(amount), "it-soft");
        string transactionId = sale.Value.TransactionId!;

        Assert.True(sale.Value.Accepted);
        TransactionDetails retrying = (await Payments.GetStatusAsync(transactionId)).Value;
        Assert.Equal(TransactionState.Processing, retrying.Status!.State);
        Assert.Equal("PAYER_ACCOUNT.INSUFFICIENT_FUNDS", retrying.Status.ReasonCode);

        await harness.Simulator.AdvanceAsync(TimeSpan.FromDays(2));

        TransactionDetails done = (await Payments.GetStatusAsync(transactionId)).Value;
        Assert.Equal(final, done.Status!.State);
        Assert.Equal(reasonCode, done.Status.ReasonCode);
        Assert.Equal(attempts, done.AttemptNumber);
    }

    [Fact]
    public async Task A_hard_decline_is_not_accepted_and_reads_back_declined()
    {
        SmartRetryResponse<PaymentResult> sale = await Payments.SaleAsync(Sale(49.30m), "it-hard");

        Assert.False(sale.Value.Accepted);
        TransactionDetails details = (await Payments.GetStatusAsync(sale.Value.TransactionId!)).Value;
        Assert.Equal(TransactionState.Declined, details.Status!.State);
        Assert.Equal("PAYMENT_METHOD.EXPIRED_CARD", details.Status.ReasonCode);
        Assert.Equal("PAYMENT_METHOD", details.Status.Domain);
    }

    [Fact]
    public async Task The_same_key_replays_the_first_answer_and_a_changed_body_conflicts()
    {
        SmartRetryResponse<PaymentResult> first = await Payments.SaleAsync(Sale(49.00m), "it-replay");
        SmartRetryResponse<PaymentResult> second = await Payments.SaleAsync(Sale(49.00m), "it-replay");

        Assert.True(second.IdempotencyReplayed);
        Assert.Equal(first.Value, second.Value);
        var conflict = await Assert.ThrowsAsync<SmartRetryConflictException>(() => Payments.SaleAsync(Sale(50.00m), "it-replay"));
        Assert.True(conflict.IsIdempotencyConflict);
    }

    [Fact]
    public async Task A_429_is_waited_out_for_its_retry_after_and_retried_with_the_same_key()
    {
        harness.Simulator.SetFaults(new SimulatorFaults { RateLimitBurst = 1, RetryAfterSeconds = 2 });

        Task<SmartRetryResponse<PaymentResult>> call = Payments.SaleAsync(Sale(49.00m), "it-429");
        await harness.ClientTime.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        Assert.False(call.IsCompleted);
        harness.ClientTime.Advance(TimeSpan.FromSeconds(2));
        SmartRetryResponse<PaymentResult> sale = await call.WaitAsync(Guard);

        Assert.Equal(2, sale.Attempts);
        Assert.True(sale.Value.Accepted);
        Assert.False(sale.IdempotencyReplayed);
    }

    private static PaymentRequest Sale(decimal amount) => Requests.Sale() with { Amount = amount };
}
