using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmartRetry.Benchmarks.Client;

/// <summary>A Kestrel server on a free loopback port answering every sale with SmartRetry's documented response.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private const string SaleResponse = """{"transaction_id":"TX8A3F2C","order_id":"OR7B9E1D","merchant_transaction_id":"order-42","accepted":true}""";

    private readonly WebApplication app;

    private LoopbackServer(WebApplication app) => this.app = app;

    public Uri BaseUrl => new(app.Urls.First());

    public static async Task<LoopbackServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        app.MapPost("/v1/payments/sale/{terminal}", async (HttpRequest request) =>
        {
            // Read the body as a real server would before answering.
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Text(SaleResponse, "application/json");
        });
        await app.StartAsync();
        return new LoopbackServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
