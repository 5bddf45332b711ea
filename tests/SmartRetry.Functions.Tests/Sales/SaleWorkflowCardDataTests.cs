using Moq;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Tests.Shared.Gateway;
using static SmartRetry.Functions.Tests.Sales.SaleWorkflowHarness;

namespace SmartRetry.Functions.Tests.Sales;

/// <summary>
/// Runs sale flows with a known test card, then searches everything the orchestration side recorded (every input, output,
/// activity input and result, event, custom status and failure message in history, and every log line of the orchestration
/// and of the submit activity) for the PAN, the CVV and the expiry.
/// </summary>
public class SaleWorkflowCardDataTests
{
    public static TheoryData<string> Flows => ["approved by webhook", "declined after polling", "cancelled before its time", "refused"];

    [Theory]
    [MemberData(nameof(Flows))]
    public async Task No_card_number_cvv_or_expiry_is_recorded_anywhere(string flow)
    {
        SaleWorkflowHarness sale = await RunAsync(flow);

        string[] recorded = [.. sale.Host.SerializedPayloads, .. sale.Host.Logs.SelectMany(l => l.Texts), .. sale.ActivityLogger.Collector.GetSnapshot().SelectMany(Texts)];
        Assert.NotEmpty(recorded);
        Assert.True(sale.Instance.IsFinished);
        Assert.All(recorded, text =>
        {
            Assert.DoesNotContain(CardNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain($"\"{Cvv}\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"cvv", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain($"{ExpiryYear}", text, StringComparison.Ordinal);
        });
    }

    private static async Task<SaleWorkflowHarness> RunAsync(string flow)
    {
        var sale = new SaleWorkflowHarness();
        switch (flow)
        {
            case "approved by webhook":
                sale.SmartRetryAccepts();
                await sale.StartAsync();
                await sale.RaiseAsync("transaction.approved", SmartRetryStatus.Approved);
                break;
            case "declined after polling":
                sale.SmartRetryAccepts().StatusReads((SmartRetryStatus.Processing, 1), (SmartRetryStatus.Declined, 2));
                await sale.StartAsync();
                await sale.RaiseAsync("transaction.retry_attempted", attempt: 2);
                await sale.Host.RunToCompletionAsync(PaymentId);
                break;
            case "cancelled before its time":
                await sale.StartAsync(scheduledAt: new DateTimeOffset(Start.AddDays(1)));
                await sale.Host.RaiseEventAsync(PaymentId, OrchestrationEventNames.CancelRequested, new CancelRequest("test", new DateTimeOffset(Start)));
                break;
            case "refused":
                sale.Gateway.Setup(g => g.SubmitSaleAsync(It.IsAny<SaleSubmission>(), It.IsAny<CardDetails>(), It.IsAny<CancellationToken>()))
                    .ReturnsAsync(PaymentSubmissionResult.Refused(new PaymentRejection("INVALID_CARD_NUMBER", 400)));
                await sale.StartAsync();
                break;
        }

        return sale;
    }

    private static IEnumerable<string> Texts(Microsoft.Extensions.Logging.Testing.FakeLogRecord record) =>
        new[] { record.Message, record.Exception?.ToString() }
            .Concat(record.StructuredState?.Select(p => p.Value) ?? [])
            .Concat(record.Scopes.OfType<IEnumerable<KeyValuePair<string, object>>>().SelectMany(s => s).Select(p => p.Value.ToString()))
            .OfType<string>();
}
