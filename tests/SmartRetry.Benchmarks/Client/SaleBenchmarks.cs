using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RestSharp;
using SmartRetry.Client;
using SmartRetry.Client.Http;
using SmartRetry.Client.Models;
using SmartRetry.Client.Payments;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Benchmarks.Client;

/// <summary>
/// <c>Payments.SaleAsync</c> (validation, serialization, RestSharp, Polly, logging, parsing) against a raw
/// <see cref="HttpClient"/> POST of the same bytes with the same headers to the same loopback server.
/// Targets: ≤ 1.15× the raw time, ≤ 2× its allocated bytes.
/// </summary>
[Config(typeof(ShortRunConfig))]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes what [GlobalSetup] created.
public class SaleBenchmarks
#pragma warning restore CA1001
{
    private const string ApiKey = "sk_test_benchmark";
    private const string IdempotencyKey = "bench-sale-42";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private LoopbackServer server = null!;
    private HttpClient httpClient = null!;
    private SmartRetryClient client = null!;
    private RestClient restClient = null!;
    private PaymentRequest request = null!;
    private byte[] body = [];
    private Uri saleUrl = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        server = await LoopbackServer.StartAsync();
        httpClient = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        client = new SmartRetryClient(httpClient, new SmartRetryClientOptions { BaseUrl = server.BaseUrl, ApiKey = ApiKey, TerminalId = "TERM01" });
        request = new PaymentRequest
        {
            MerchantTransactionId = "order-42",
            Amount = 49.99m,
            Currency = "USD",
            Order = new OrderDetails
            {
                MerchantOrderId = "ord-42",
                PaymentInstrument = new PaymentInstrument { CardNumber = BenchmarkCard.Number, ExpiryMonth = 12, ExpiryYear = 2099, CardholderName = "Jane Doe" },
                Payer = new Payer { FirstName = "Jane", LastName = "Doe", Email = "jane.doe@example.com" },
                Description = "Order #42",
            },
            Cvv = "123",
        };
        restClient = new RestClient(httpClient, new RestClientOptions(server.BaseUrl), disposeHttpClient: false);
        body = JsonSerializer.SerializeToUtf8Bytes(request, SmartRetryJson.Options);
        saleUrl = new Uri(server.BaseUrl, "v1/payments/sale/TERM01");
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        restClient.Dispose();
        httpClient.Dispose();
        await server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<byte[]> RawHttpClientPost()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, saleUrl) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = Json;
        message.Headers.Add("x-api-key", ApiKey);
        message.Headers.Add("Idempotency-Key", IdempotencyKey);
        using HttpResponseMessage response = await httpClient.SendAsync(message);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>RestSharp alone sending the same request: the floor the client's transport sits on.</summary>
    [Benchmark]
    public async Task<RestResponse> RestSharpPost()
    {
        var message = new RestRequest("v1/payments/sale/TERM01", Method.Post)
        {
            CompletionOption = HttpCompletionOption.ResponseContentRead,
            AdvancedResponseWriter = ResponseReader.Read,
        };
        message.AddHeader("x-api-key", ApiKey);
        message.AddHeader("Idempotency-Key", IdempotencyKey);
        message.AddParameter(new BodyParameter(string.Empty, body, ContentType.Json, DataFormat.Binary));
        return await restClient.ExecuteAsync(message);
    }

    [Benchmark]
    public Task<SmartRetryResponse<PaymentResult>> ClientSaleAsync() => client.Payments.SaleAsync(request, IdempotencyKey);
}
