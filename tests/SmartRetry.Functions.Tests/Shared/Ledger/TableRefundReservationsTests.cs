using SmartRetry.Functions.Shared.Ledger;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Ledger;

[Collection(AzuriteTests.Name)]
public sealed class TableRefundReservationsTests(AzuriteFixture azurite)
{
    private const string Original = "sale-original";

    private readonly TableRefundReservations reservations = new(TestTables.Create(azurite));

    [Fact]
    public async Task Partial_refunds_are_reserved_until_the_original_is_used_up()
    {
        RefundReservation first = await Reserve("refund-1", 20.00m);
        RefundReservation tooMuch = await Reserve("refund-2", 30.00m);
        RefundReservation rest = await Reserve("refund-3", null);
        RefundReservation after = await Reserve("refund-4", 1.00m);

        Assert.Equal(new RefundReservation(RefundReservationOutcome.Reserved, 20.00m, 29.99m), first);
        Assert.Equal(new RefundReservation(RefundReservationOutcome.ExceedsRemaining, 0, 29.99m), tooMuch);
        Assert.Equal(new RefundReservation(RefundReservationOutcome.Reserved, 29.99m, 0), rest);
        Assert.Equal(RefundReservationOutcome.FullyRefunded, after.Outcome);
        Assert.Equal(49.99m, await reservations.GetReservedAsync(Original, CancellationToken.None));
    }

    [Fact]
    public async Task Reserving_again_for_the_same_refund_returns_its_reservation_and_takes_nothing_more()
    {
        await Reserve("refund-1", 20.00m);

        RefundReservation again = await Reserve("refund-1", 5.00m);

        Assert.Equal(new RefundReservation(RefundReservationOutcome.Reserved, 20.00m, 29.99m), again);
        Assert.Equal(20.00m, await reservations.GetReservedAsync(Original, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_partial_refunds_never_reserve_more_than_the_original()
    {
        RefundReservation[] answers = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Reserve($"refund-{i}", 10.00m)));

        Assert.Equal(4, answers.Count(a => a.IsReserved));
        Assert.Equal(40.00m, await reservations.GetReservedAsync(Original, CancellationToken.None));
    }

    [Fact]
    public async Task A_released_reservation_is_available_again_and_releasing_twice_is_harmless()
    {
        await Reserve("refund-1", 49.99m);

        Assert.True(await reservations.ReleaseAsync(Original, "refund-1", CancellationToken.None));
        Assert.False(await reservations.ReleaseAsync(Original, "refund-1", CancellationToken.None));
        Assert.False(await reservations.ReleaseAsync("sale-unknown", "refund-1", CancellationToken.None));

        Assert.Equal(0m, await reservations.GetReservedAsync(Original, CancellationToken.None));
        Assert.True((await Reserve("refund-2", 49.99m)).IsReserved);
    }

    private Task<RefundReservation> Reserve(string refundPaymentId, decimal? amount) =>
        reservations.ReserveAsync(Original, 49.99m, refundPaymentId, amount, CancellationToken.None);
}
