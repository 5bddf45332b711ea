using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartRetry.Simulator.Tests.Support;

/// <summary>A second minimal Kestrel app on a free loopback port that records webhook requests and answers with scripted status codes.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> scriptedStatuses = new();
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly TaskCompletionSource firstReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    /// <summary>Completes when the first webhook arrives (an event to await, not a timing to sleep on).</summary>
    public Task FirstReceived => firstReceived.Task;

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver!.received.Enqueue(new ReceivedWebhook(context.Request.Headers["X-SmartRetry-Signature"].ToString(), context.Request.ContentType, body.ToArray()));
            receiver.firstReceived.TrySetResult();
            return Results.StatusCode(receiver.scriptedStatuses.TryDequeue(out int status) ? status : StatusCodes.Status200OK);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(address.TrimEnd('/') + "/hooks"));
        return receiver;
    }

    /// <summary>The next deliveries are answered with these status codes, in order; then 200.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (int status in statuses)
        {
            scriptedStatuses.Enqueue(status);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(string Signature, string? ContentType, byte[] Body);
