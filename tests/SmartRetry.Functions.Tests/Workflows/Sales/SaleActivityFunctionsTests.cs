using Moq;
using SmartRetry.Functions.Workflows.Sales;
using SmartRetry.Payments.Gateway;
using SmartRetry.Payments.Ledger;

namespace SmartRetry.Functions.Tests.Workflows.Sales;

public sealed class SaleActivityFunctionsTests : IDisposable
{
    private readonly FunctionsApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task GetSaleStatus_returns_what_the_gateway_reports_for_the_transaction()
    {
        using var cancellation = new CancellationTokenSource();
        var snapshot = new TransactionSnapshot("TX000001", TransactionStatus.Approved, null, null, 1, null);
        app.Gateway.Setup(g => g.GetTransactionAsync("TX000001", cancellation.Token)).ReturnsAsync(snapshot);

        TransactionSnapshot read = await app.Create<SaleActivityFunctions>().GetSaleStatus("TX000001", cancellation.Token);

        Assert.Same(snapshot, read);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RecordSale_writes_the_entry_to_the_ledger_and_returns_whether_it_changed(bool changed)
    {
        var entry = new PaymentLedgerEntry("sale-42", "order-42", PaymentKind.Sale, 49.99m, "USD", PaymentStatus.Approved, app.Time.GetUtcNow());
        app.Ledger.Setup(l => l.RecordAsync(entry, It.IsAny<CancellationToken>())).ReturnsAsync(changed);

        bool recorded = await app.Create<SaleActivityFunctions>().RecordSale(entry, CancellationToken.None);

        Assert.Equal(changed, recorded);
        app.Ledger.Verify(l => l.RecordAsync(entry, It.IsAny<CancellationToken>()), Times.Once);
    }
}
