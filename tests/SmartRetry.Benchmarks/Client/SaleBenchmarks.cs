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
/// <c>Payments.SaleAsync</c> against the same sale done with RestSharp alone (the baseline): the same request object
/// serialized with the client's JSON options, sent through the client's <see cref="RestClient"/> with the same headers,
/// and the answer read into <see cref="PaymentResult"/>. The difference is the client's own work on top of RestSharp:
/// validation, Polly, logging, telemetry, the call's bookkeeping. For reference, the same exchange with the body bytes
/// serialized once outside the measurement and no parsing (<c>RestSharpPostBytes</c>), and a raw
/// <see cref="HttpClient"/> POST of those bytes with the same headers. The loopback responder answers with
/// SmartRetry's documented sale response and headers (rate limit, idempotency).
/// Target: <c>ClientSaleAsync</c> ≤ 1.10× <c>RestSharpSale</c>, in time and in allocated bytes.
/// </summary>
[Config(typeof(ShortRunConfig))]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes what [GlobalSetup] created.
public class SaleBenchmarks
#pragma warning restore CA1001
{
    private const string ApiKey = "sk_test_benchmark";
    private const string TerminalId = "TERM01";
    private const string IdempotencyKey = "bench-sale-42";
    private const string SaleResponse = """{"transaction_id":"TX8A3F2C","order_id":"OR7B9E1D","merchant_transaction_id":"order-42","accepted":true}""";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private LoopbackServer server = null!;
    private HttpClient httpClient = null!;
    private SmartRetryClient client = null!;
    private RestClient restClient = null!;
    private PaymentRequest request = null!;
    private ApiCall call = null!;
    private byte[] body = [];
    private Uri saleUrl = null!;
    private string salePath = string.Empty;

    [GlobalSetup]
    public void Start()
    {
        server = LoopbackServer.Start(SaleResponse, new Dictionary<string, string>
        {
            [HeaderNames.IdempotencyKey] = IdempotencyKey,
            [HeaderNames.IdempotencyReplayed] = "false",
            [HeaderNames.IdempotencyExpires] = "2026-04-02T08:00:00.000Z",
            [HeaderNames.RateLimitLimit] = "100",
            [HeaderNames.RateLimitRemaining] = "99",
            [HeaderNames.RateLimitReset] = "1775116800",
        });
        httpClient = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new SmartRetryClientOptions { BaseUrl = server.BaseUrl, ApiKey = ApiKey, TerminalId = TerminalId };
        client = new SmartRetryClient(httpClient, options);
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
        body = JsonSerializer.SerializeToUtf8Bytes(request, SmartRetryJson.Options);
        saleUrl = new Uri(server.BaseUrl, $"v1/payments/sale/{TerminalId}");
        restClient = SmartRetryPipeline.CreateRestClient(httpClient, options);
        salePath = $"v1/payments/sale/{TerminalId}";
        call = new ApiCall("Payments.Sale", Method.Post, salePath, body, IdempotencyKey);
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        restClient.Dispose();
        httpClient.Dispose();
        await server.DisposeAsync();
    }

    [Benchmark]
    public async Task<byte[]> RawHttpClientPost()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, saleUrl) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = Json;
        message.Headers.TryAddWithoutValidation(HeaderNames.ApiKey, ApiKey);
        message.Headers.TryAddWithoutValidation(HeaderNames.IdempotencyKey, IdempotencyKey);
        message.Headers.TryAddWithoutValidation("User-Agent", SmartRetryPipeline.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", SmartRetryPipeline.AcceptedMediaTypes);
        using HttpResponseMessage response = await httpClient.SendAsync(message);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>RestSharp alone doing the sale: serialize, send through the client's RestClient, read the answer.</summary>
    [Benchmark(Baseline = true)]
    public async Task<PaymentResult?> RestSharpSale()
    {
        var sale = new RestRequest(salePath, Method.Post)
        {
            CompletionOption = HttpCompletionOption.ResponseContentRead,
            AdvancedResponseWriter = ResponseReader.Read,
        };
        sale.AddHeader(HeaderNames.ApiKey, ApiKey);
        sale.AddHeader(HeaderNames.IdempotencyKey, IdempotencyKey);
        sale.AddParameter(new BodyParameter(string.Empty, JsonSerializer.SerializeToUtf8Bytes(request, SmartRetryJson.Options), ContentType.Json, DataFormat.Binary));
        RestResponse response = await restClient.ExecuteAsync(sale);
        return JsonSerializer.Deserialize<PaymentResult>(response.RawBytes, SmartRetryJson.Options);
    }

    /// <summary>The client's RestSharp request alone, with body bytes serialized once outside the measurement and no parsing.</summary>
    [Benchmark]
    public Task<RestResponse> RestSharpPostBytes() => restClient.ExecuteAsync(SmartRetryPipeline.CreateRequest(call, ApiKey));

    [Benchmark]
    public Task<SmartRetryResponse<PaymentResult>> ClientSaleAsync() => client.Payments.SaleAsync(request, IdempotencyKey);
}
