using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.Shared.Durable;

public sealed class RecurringSeriesIdsTests
{
    private static readonly string SeriesId = RecurringSeriesIds.For("sub-42");

    [Theory]
    [InlineData("-init")]
    [InlineData("-c2-a1")]
    [InlineData("-c12-a4")]
    public void The_ledger_ids_of_a_series_payments_are_recognised(string suffix) =>
        Assert.True(RecurringSeriesIds.IsChargePaymentId(SeriesId + suffix));

    [Theory]
    [InlineData("")]
    [InlineData("-c2")]
    [InlineData("-c0-a1")]
    [InlineData("-c2-a1-x")]
    [InlineData("-init2")]
    [InlineData("-tT0000001")]
    public void Anything_else_is_not_a_series_payment(string suffix) =>
        Assert.False(RecurringSeriesIds.IsChargePaymentId(SeriesId + suffix));

    [Fact]
    public void The_charge_ids_the_cycle_writes_are_recognised() =>
        Assert.True(RecurringSeriesIds.IsChargePaymentId($"{RecurringSeriesIds.CycleInstanceId(SeriesId, 3)}-a2"));

    [Theory]
    [InlineData(null)]
    [InlineData("rs-XYZ-c1-a1")]
    [InlineData("sale-00000000000000000000000000000000-c1-a1")]
    public void Malformed_ids_are_not_series_payments(string? paymentId) =>
        Assert.False(RecurringSeriesIds.IsChargePaymentId(paymentId));
}
