using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SmartRetry.Client;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Ledger;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit.Abstractions;

namespace SmartRetry.Functions.Tests.Sales;

/// <summary>
/// How many of our frames stand between the submit activity and <see cref="HttpClient"/>: the stack is read where the
/// request leaves for a real loopback server. Inlining can only remove frames, so the bound holds in every JIT mode.
/// </summary>
public sealed class SalePathDepthTests(ITestOutputHelper output) : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start();

    [Fact]
    public async Task The_submit_activity_reaches_HttpClient_through_few_frames_of_our_code()
    {
        server.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"accepted":true,"transaction_id":"TX000001","order_id":"OR000001"}"""));
        var recorder = new StackRecorder { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(recorder);
        var options = new SmartRetryClientOptions { BaseUrl = new Uri(server.Url!), ApiKey = "sk_test_depth", TerminalId = "TERM01" };
        var client = new SmartRetryClient(http, options, TimeProvider.System, NullLogger<SmartRetryClient>.Instance);
        var cards = new Mock<ICardVault>();
        cards.Setup(v => v.OpenAsync<PaymentSubmissionResult>("sale-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HeldCard<PaymentSubmissionResult>(new CardDetails(TestSales.CardNumber, TestSales.ExpiryMonth, TestSales.ExpiryYear, TestSales.Cvv, "Jane Doe"), null));
        var correlations = new Mock<ICorrelationStore>();
        var pending = new Mock<IPendingEventStore>();
        pending.Setup(p => p.GetAsync(It.IsAny<CorrelationKind>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var activity = new SubmitSale(
            new SmartRetryGateway(client, NullLogger<SmartRetryGateway>.Instance),
            cards.Object,
            Mock.Of<ICardSealer>(),
            correlations.Object,
            new EarlyTransactionEvents(pending.Object),
            Mock.Of<IPaymentLedger>(),
            new FakeTimeProvider(),
            NullLogger<SubmitSale>.Instance);

        await activity.RunAsync(
            new SaleSubmission("sale-1", "sale-submit-sale-1", "mt-1", 10.50m, "EUR", new PayerDetails("Jane", "Doe", "jane@example.com"), null, null),
            CancellationToken.None);

        IReadOnlyList<string> ours = recorder.OurFrames ?? throw new InvalidOperationException("No request was sent.");
        output.WriteLine($"{ours.Count} frames of our code from the submit activity to HttpClient:{Environment.NewLine}{string.Join(Environment.NewLine, ours)}");
        Assert.InRange(ours.Count, 1, 7);
    }

    public void Dispose() => server.Stop();

    private sealed class StackRecorder : DelegatingHandler
    {
        public IReadOnlyList<string>? OurFrames { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            OurFrames ??= OurMethods(new StackTrace(skipFrames: 1));
            return base.SendAsync(request, cancellationToken);
        }

        /// <summary>
        /// Our methods on the stack, one line each: an async method's state machine and its stub count once, and a
        /// lambda is named for the method it is written in.
        /// </summary>
        private static List<string> OurMethods(StackTrace stack)
        {
            var methods = new List<string>();
            foreach (MethodBase? method in stack.GetFrames().Select(frame => frame.GetMethod()))
            {
                Type? type = method?.DeclaringType;
                if (type?.FullName is not { } name || !name.StartsWith("SmartRetry.", StringComparison.Ordinal) || name.StartsWith("SmartRetry.Functions.Tests.", StringComparison.Ordinal))
                {
                    continue;
                }

                Type owner = type.Name.StartsWith('<') && type.DeclaringType is { } outer ? outer : type;
                string line = method!.Name.StartsWith('<')
                    ? $"{owner.FullName} (lambda in {Between(method.Name)})"
                    : type == owner ? $"{type.FullName}.{method.Name}" : $"{owner.FullName}.{Between(type.Name)}";
                if (methods.Count == 0 || methods[^1] != line)
                {
                    methods.Add(line);
                }
            }

            return methods;
        }

        private static string Between(string generatedName) => generatedName[1..generatedName.IndexOf('>', StringComparison.Ordinal)];
    }
}
