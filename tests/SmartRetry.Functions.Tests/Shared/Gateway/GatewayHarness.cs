using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Testing;
using SmartRetry.Client;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Tests.Sales;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SmartRetry.Functions.Tests.Shared.Gateway;

/// <summary>
/// The gateway over a real <see cref="SmartRetryClient"/> talking to a loopback WireMock server, with both loggers
/// recorded. Client retries are off unless a test turns them on, so a transient answer surfaces at once.
/// </summary>
public sealed class GatewayHarness : IDisposable
{
    public const string ApiKey = "sk_test_gateway_key";
    public const string TerminalId = "TERM01";
    public const string SalePath = "/v1/payments/sale/TERM01";

    private readonly HttpClient httpClient = new() { Timeout = Timeout.InfiniteTimeSpan };

    public GatewayHarness(Uri? baseUrl = null)
    {
        Server = WireMockServer.Start();
        var options = new SmartRetryClientOptions { BaseUrl = baseUrl ?? new Uri(Server.Url!), ApiKey = ApiKey, TerminalId = TerminalId };
        options.Retry.MaxAttempts = 1;
        Gateway = new SmartRetryGateway(new SmartRetryClient(httpClient, options, TimeProvider.System, ClientLogger), GatewayLogger);
    }

    public WireMockServer Server { get; }

    public FakeLogger<SmartRetryClient> ClientLogger { get; } = new();

    public FakeLogger<SmartRetryGateway> GatewayLogger { get; } = new();

    public SmartRetryGateway Gateway { get; }

    public IReadOnlyList<ILogEntry> Requests => [.. Server.LogEntries];

    public static GatewaySale Sale(string idempotencyKey = "sale-pay_123", string? cvv = TestSales.Cvv, string cardNumber = TestSales.CardNumber, decimal amount = 49.99m) => new(
        new SaleSubmission(
            "pay_123",
            idempotencyKey,
            "order-42",
            amount,
            "USD",
            new PayerDetails("Jane", "Doe", "jane.doe@example.com", "+12125551234"),
            "Order #42",
            "ord-42"),
        new CardDetails(cardNumber, TestSales.ExpiryMonth, TestSales.ExpiryYear, cvv, "Jane Doe"));

    /// <summary>The golden request body minified, so property order and number text must match exactly.</summary>
    public static string GoldenRequest(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shared", "Gateway", "Golden", name + ".json")))!
            .ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    public static string StatusBody(string status, string? brandJson = """{"brand":{"name":"Visa"}}""") => $$$"""
        {"transaction_id":"TXN12345","type":"sale","amount":49.99,"currency":"USD","attempt_number":3,
         "status":{"status":"{{{status}}}","reasonCode":"PAYER_ACCOUNT.INSUFFICIENT_FUNDS","name":"Insufficient funds","domain":"PAYER_ACCOUNT"},
         "order":{"order_id":"ORD12345","payment_instrument":{"token":"tok_visa_1111","payment_method":"cards",
           "card_card_last_four_digit":"1111","card_bin":"411111","expiration_date":"2031-07-31T00:00:00Z","card_profile":{{{brandJson}}} } }}
        """;

    public void Respond(string path, int status, string? body = null, params (string Name, string Value)[] headers)
    {
        IResponseBuilder response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        foreach ((string name, string value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(path)).RespondWith(response);
    }

    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers?.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>Every log line both loggers wrote, formatted and with its structured values.</summary>
    public IEnumerable<string> LogText() =>
        ClientLogger.Collector.GetSnapshot().Concat(GatewayLogger.Collector.GetSnapshot())
            .SelectMany(record => (record.StructuredState ?? []).Select(pair => $"{pair.Key}={pair.Value}").Append(record.Message));

    public void Dispose()
    {
        Server.Stop();
        httpClient.Dispose();
    }
}

/// <summary>A sale and its unsealed card, as the submit activity hands them to the gateway.</summary>
public sealed record GatewaySale(SaleSubmission Submission, CardDetails Card);

public static class GatewaySaleExtensions
{
    public static Task<PaymentSubmissionResult> SubmitSaleAsync(this ISmartRetryGateway gateway, GatewaySale sale, CancellationToken cancellationToken) =>
        gateway.SubmitSaleAsync(sale.Submission, sale.Card, cancellationToken);
}
