using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.Refunds;

public sealed class RefundInstanceIdsTests
{
    [Fact]
    public void The_same_refund_id_on_the_same_payment_is_the_same_refund_and_on_another_payment_another()
    {
        string id = RefundInstanceIds.For("sale-a", "rf-1");

        Assert.Equal(id, RefundInstanceIds.For("sale-a", "rf-1"));
        Assert.NotEqual(id, RefundInstanceIds.For("sale-b", "rf-1"));
        Assert.NotEqual(id, RefundInstanceIds.For("sale-a", "rf-2"));
        Assert.NotEqual(RefundInstanceIds.For("sale-a\nrf", "1"), RefundInstanceIds.For("sale-a", "rf\n1"));
    }

    [Fact]
    public void Refund_ids_are_well_formed_as_refunds_only()
    {
        string refund = RefundInstanceIds.For("sale-a", "rf/1@x");

        Assert.Matches("^refund-[0-9a-f]{32}$", refund);
        Assert.True(RefundInstanceIds.IsWellFormed(refund));
        Assert.False(SaleInstanceIds.IsWellFormed(refund));
        Assert.False(RefundInstanceIds.IsWellFormed(SaleInstanceIds.For("order-42")));
        Assert.False(RefundInstanceIds.IsWellFormed(refund.ToUpperInvariant()));
        Assert.False(RefundInstanceIds.IsWellFormed(null));
    }
}
