using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SmartRetry.EndToEnd.Hosting;

/// <summary>An answer from the app or the simulator: status, body as JSON (null when empty or not JSON), headers.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, string RawBody, HttpResponseHeaders Headers, string? ContentType)
{
    public string Text(string property) => Body?[property]?.GetValue<string>()
        ?? throw new InvalidOperationException($"No '{property}' in {(int)Status}: {RawBody}");

    public override string ToString() => $"{(int)Status} {RawBody}";
}

/// <summary>JSON over HTTP, as curl in the walkthrough sends it.</summary>
public class JsonHttp : IDisposable
{
    private readonly HttpClient http;

    public JsonHttp(Uri baseAddress) => http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseAddress => http.BaseAddress!;

    public Task<ApiResponse> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, path, json: null, headers: null, cancellationToken);

    public Task<ApiResponse> PostAsync(string path, string? json = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, path, json, headers: null, cancellationToken);

    public Task<ApiResponse> PutAsync(string path, string json, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, path, json, headers: null, cancellationToken);

    public Task<ApiResponse> PatchAsync(string path, string json, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, path, json, headers: null, cancellationToken);

    public Task<ApiResponse> SendAsync(
        HttpMethod method, string path, string? json, IEnumerable<KeyValuePair<string, string>>? headers, CancellationToken cancellationToken = default) =>
        SendBytesAsync(method, path, json is null ? null : Encoding.UTF8.GetBytes(json), json is null ? null : "application/json", headers, cancellationToken);

    /// <summary>Sends <paramref name="body"/> exactly as given, with <paramref name="contentType"/> as sent (none when null).</summary>
    public async Task<ApiResponse> SendBytesAsync(
        HttpMethod method, string path, byte[]? body, string? contentType, IEnumerable<KeyValuePair<string, string>>? headers, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach ((string name, string value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
        string raw = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? parsed = null;
        try
        {
            parsed = raw.Length == 0 ? null : JsonNode.Parse(raw);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the raw text is kept for the assertion message.
        }

        return new ApiResponse(response.StatusCode, parsed, raw, response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Asks again until <paramref name="done"/> holds or <paramref name="timeout"/> passes; then fails with the last
    /// answer. Durable work completes asynchronously, so a bounded poll is how a test waits for it.
    /// </summary>
    public Task<ApiResponse> PollAsync(string path, Func<ApiResponse, bool> done, TimeSpan timeout, string waitingFor) =>
        RepeatUntilAsync(() => GetAsync(path), done, timeout, $"{waitingFor} at {path}");

    /// <summary>
    /// Sends again until <paramref name="done"/> holds or <paramref name="timeout"/> passes; then fails with the last
    /// answer: how a client repeats a request that was refused for now (a 503, a 409 "in progress").
    /// </summary>
    public static async Task<ApiResponse> RepeatUntilAsync(Func<Task<ApiResponse>> send, Func<ApiResponse, bool> done, TimeSpan timeout, string waitingFor)
    {
        ArgumentNullException.ThrowIfNull(send);
        DateTimeOffset deadline = DateTimeOffset.UtcNow + timeout;
        ApiResponse last;
        while (true)
        {
            last = await send();
            if (done(last))
            {
                return last;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {waitingFor}; last answer: {last}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    public void Dispose()
    {
        http.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The app's HTTP API (<c>http://127.0.0.1:port/api/</c>).</summary>
public sealed class AppClient(Uri baseAddress) : JsonHttp(baseAddress)
{
    /// <summary>The statuses a payment does not leave (deadline_reached and needs_attention are not among them: the reconciler settles those).</summary>
    public static readonly string[] FinalStatuses = ["approved", "declined", "error", "cancelled"];

    /// <summary>Waits until a payment's status is one of <paramref name="statuses"/>.</summary>
    public Task<ApiResponse> WaitForPaymentAsync(string paymentId, TimeSpan timeout, params string[] statuses) =>
        PollAsync(
            $"payments/{paymentId}",
            r => r.Status == HttpStatusCode.OK && statuses.Contains(r.Body?["status"]?.GetValue<string>()),
            timeout,
            $"payment status {string.Join(" or ", statuses)}");

    /// <summary>
    /// Polls the payment until its orchestration's runtime status is <paramref name="runtimeStatus"/>. The ledger row is
    /// written by the orchestration's last activity, a moment before the orchestration completes, so a final payment
    /// status does not yet say the orchestration has finished.
    /// </summary>
    public Task<ApiResponse> WaitForOrchestrationAsync(string paymentId, string runtimeStatus, TimeSpan timeout) =>
        PollAsync(
            $"payments/{paymentId}",
            r => r.Body?["workflow"]?["runtime_status"]?.GetValue<string>() == runtimeStatus,
            timeout,
            $"the orchestration to be {runtimeStatus}");
}

/// <summary>The simulator's control API (<c>/_simulator/…</c>) and SmartRetry-side view.</summary>
public sealed class SimulatorControl(Uri baseAddress) : JsonHttp(baseAddress)
{
    public Task SetTimeFactorAsync(int factor) => PutAsync("_simulator/clock", $$"""{"time_factor": {{factor}}}""");

    public Task<ApiResponse> AdvanceAsync(string json) => PostAsync("_simulator/clock/advance", json);

    /// <summary>SmartRetry's own clock (the simulator's business time).</summary>
    public async Task<DateTimeOffset> NowAsync() =>
        DateTimeOffset.Parse((await GetAsync("_simulator/clock")).Text("now"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How often SmartRetry was called on an endpoint (e.g. <c>POST /v1/payments/recurring/cancel/{terminal_friendly_id}</c>).</summary>
    public async Task<int> CallsAsync(string endpoint) =>
        (await GetAsync("_simulator/counters")).Body!["endpoints"]?[endpoint]?.GetValue<int>() ?? 0;

    /// <summary>SmartRetry's transactions of the given type for one merchant transaction id.</summary>
    public async Task<IReadOnlyList<JsonNode>> TransactionsAsync(string merchantTransactionId, string type = "sale")
    {
        ApiResponse all = await GetAsync("_simulator/transactions");
        return [.. all.Body!.AsArray().Where(t =>
            t!["merchant_transaction_id"]?.GetValue<string>() == merchantTransactionId && t["type"]?.GetValue<string>() == type).Select(t => t!)];
    }

    public async Task<IReadOnlyList<JsonNode>> WebhooksAsync(Func<JsonNode, bool> where)
    {
        ApiResponse all = await GetAsync("_simulator/webhooks");
        return [.. all.Body!.AsArray().Select(e => e!).Where(where)];
    }
}
