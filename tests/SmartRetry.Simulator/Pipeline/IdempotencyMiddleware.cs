using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SmartRetry.Simulator.Control;
using SmartRetry.Simulator.Http;
using SmartRetry.Simulator.Time;

namespace SmartRetry.Simulator.Pipeline;

/// <summary>
/// SmartRetry's Idempotency-Key semantics on POST (§5): non-5xx results replayed for 24 hours (real time, so a fast
/// simulated clock never expires a client's retry window), 409 on a changed body, and 503 <c>RESOURCE_LOCKED</c> when
/// a twin is still in flight after the lock wait.
/// </summary>
internal sealed class IdempotencyMiddleware(
    RequestDelegate next,
    IdempotencyStore store,
    CallCounters counters,
    SimulatorClock clock,
    IOptions<SmartRetrySimulatorOptions> options)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task InvokeAsync(HttpContext context)
    {
        string? key = context.Request.Headers["Idempotency-Key"];
        if (!HttpMethods.IsPost(context.Request.Method) || key is null)
        {
            await next(context);
            return;
        }

        if (!RequestPatterns.IdempotencyKey().IsMatch(key))
        {
            await ApiProblem.WriteAsync(context, StatusCodes.Status400BadRequest, "INVALID_IDEMPOTENCY_KEY",
                "Idempotency-Key must be 1 to 255 letters, digits, '_' or '-'.", new Dictionary<string, object?> { ["field"] = "Idempotency-Key" });
            return;
        }

        string fingerprint = await FingerprintAsync(context.Request);
        bool counted = false;
        while (true)
        {
            IdempotencyStore.Entry? existing = store.BeginOrGet(key, fingerprint, clock.BaseTime.GetUtcNow());
            if (!counted)
            {
                // Counted once the call holds or waits on the key, so a test seeing the count knows the call is in flight.
                counters.CountIdempotencyKey(key);
                counted = true;
            }

            if (existing is null)
            {
                await RunAndStoreAsync(context, key);
                return;
            }

            if (existing.Fingerprint != fingerprint)
            {
                await ApiProblem.WriteAsync(context, StatusCodes.Status409Conflict, "IDEMPOTENCY_CONFLICT",
                    "This Idempotency-Key was used with a different request.", new Dictionary<string, object?> { ["idempotency_key"] = key });
                return;
            }

            if (existing.Result is { } stored)
            {
                await ReplayAsync(context, key, stored);
                return;
            }

            try
            {
                await existing.Done.Task.WaitAsync(options.Value.IdempotencyLockWait, clock.BaseTime, context.RequestAborted);
            }
            catch (TimeoutException)
            {
                await ApiProblem.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "RESOURCE_LOCKED",
                    "A request with this Idempotency-Key is still in flight; retry shortly with the same key.",
                    new Dictionary<string, object?> { ["idempotency_key"] = key });
                return;
            }
        }
    }

    private async Task RunAndStoreAsync(HttpContext context, string key)
    {
        Stream original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            store.Abandon(key);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode >= 500)
        {
            store.Abandon(key);
        }
        else
        {
            DateTimeOffset expiresAt = clock.BaseTime.GetUtcNow() + Lifetime;
            store.Complete(key, new IdempotencyStore.StoredResult(context.Response.StatusCode, context.Response.ContentType, buffer.ToArray(), expiresAt));
            SetHeaders(context, key, replayed: false, expiresAt);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static Task ReplayAsync(HttpContext context, string key, IdempotencyStore.StoredResult stored)
    {
        context.Response.StatusCode = stored.StatusCode;
        context.Response.ContentType = stored.ContentType;
        SetHeaders(context, key, replayed: true, stored.ExpiresAt);
        return context.Response.Body.WriteAsync(stored.Body, context.RequestAborted).AsTask();
    }

    private static void SetHeaders(HttpContext context, string key, bool replayed, DateTimeOffset expiresAt)
    {
        string flag = replayed ? "true" : "false";
        context.Response.Headers["Idempotency-Key"] = key;
        context.Response.Headers["Idempotency-Replayed"] = flag;
        context.Response.Headers["X-Idempotency-Replayed"] = flag;
        context.Response.Headers["Idempotency-Expires"] = expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The request as SmartRetry compares it: method, path and the exact body bytes.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        byte[] prefix = Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n");
        return Convert.ToHexString(SHA256.HashData([.. prefix, .. body.ToArray()]));
    }
}
