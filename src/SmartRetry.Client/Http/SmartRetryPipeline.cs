using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using RestSharp;
using SmartRetry.Client.Errors;
using SmartRetry.Client.Serialization;
using SmartRetry.Client.Validation;

namespace SmartRetry.Client.Http;

/// <summary>
/// Sends SmartRetry calls through RestSharp inside a Polly pipeline: retry (transient statuses, timeouts, connection
/// failures; <c>Retry-After</c> honoured) → per-attempt timeout. The overall timeout is a deadline the two share: an
/// attempt's timeout never runs past it, and no retry is scheduled whose wait would end at or after it (the last answer
/// or failure surfaces instead). One strategy fewer than an outer timeout costs, on every call. Time comes from the
/// <see cref="TimeProvider"/>, so tests drive the waits on a fake clock.
/// </summary>
// RestClient wraps a caller-owned HttpClient (disposeHttpClient: false), so disposing it would release nothing.
#pragma warning disable CA1001
internal sealed class SmartRetryPipeline
#pragma warning restore CA1001
{
    internal static readonly string UserAgent =
        $"SmartRetry.Client/{typeof(SmartRetryPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0"}";

    /// <summary>
    /// What SmartRetry answers: JSON, and problem details for errors. RestSharp would otherwise advertise the XML types of
    /// its default serializers too, joining the list anew for every request.
    /// </summary>
    internal const string AcceptedMediaTypes = "application/json, application/problem+json";

    private static readonly ResiliencePropertyKey<CallState> CallKey = new("SmartRetry.Call");

    private static readonly Func<ILogger, string, string?, IDisposable?> CallScope =
        LoggerMessage.DefineScope<string, string?>("SmartRetry {Operation} (idempotency key {IdempotencyKey})");

    private readonly RestClient restClient;
    private readonly SmartRetryClientOptions options;
    private readonly ILogger logger;
    private readonly RateLimitGate? rateLimitGate;
    private readonly ResiliencePipeline<RestResponse> retryingPipeline;
    private readonly ResiliencePipeline<RestResponse> singleAttemptPipeline;

    public SmartRetryPipeline(HttpClient httpClient, SmartRetryClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
        TimeProvider = timeProvider;
        restClient = CreateRestClient(httpClient, options);
        rateLimitGate = options.WaitForRateLimitReset ? new RateLimitGate(timeProvider, options.Retry.MaxRetryAfter, logger) : null;
        retryingPipeline = BuildPipeline(retried: true);
        singleAttemptPipeline = BuildPipeline(retried: false);
    }

    public TimeProvider TimeProvider { get; }

    public DateOnly Today => DateOnly.FromDateTime(TimeProvider.GetUtcNow().UtcDateTime);

    /// <summary>
    /// A POST: the caller's idempotency key or a new one for this logical call, and the body serialized once so that
    /// every retry resends identical bytes.
    /// </summary>
    public Task<SmartRetryResponse<TResult>> PostAsync<TRequest, TResult>(
        string operation, string resource, TRequest body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is null)
        {
            idempotencyKey = Guid.CreateVersion7(TimeProvider.GetUtcNow()).ToString("N");
        }
        else
        {
            FieldRules.IdempotencyKey(idempotencyKey);
        }

        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(body, SmartRetryJson.Options);
        return SendAsync<TResult>(new ApiCall(operation, Method.Post, resource, bytes, idempotencyKey), cancellationToken);
    }

    /// <summary>A PUT: SmartRetry ignores idempotency keys on PUTs, and resending the same partial update is harmless.</summary>
    public Task<SmartRetryResponse<TResult>> PutAsync<TRequest, TResult>(
        string operation, string resource, TRequest body, CancellationToken cancellationToken)
    {
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(body, SmartRetryJson.Options);
        return SendAsync<TResult>(new ApiCall(operation, Method.Put, resource, bytes), cancellationToken);
    }

    public async Task<SmartRetryResponse<TResult>> SendAsync<TResult>(ApiCall call, CancellationToken cancellationToken)
    {
        using IDisposable? scope = CallScope(logger, call.Operation, call.IdempotencyKey);
        var attempts = new CallState(this, call, TimeProvider.GetTimestamp());
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, attempts);
        Outcome<RestResponse> outcome;
        try
        {
            // The outcome form: a failed attempt reaches the retry strategy as a value rather than a thrown exception,
            // and Polly wraps no extra task around each attempt.
            outcome = await (call.Retried ? retryingPipeline : singleAttemptPipeline).ExecuteOutcomeAsync(
                static (context, counter) => counter.Pipeline.SendAttemptAsync(counter, context.CancellationToken),
                context,
                attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        switch (outcome.Exception)
        {
            case TimeoutRejectedException timeout:
                throw new SmartRetryTransportException(
                    $"SmartRetry {call.Operation} got no answer within its timeout after {attempts.Count} attempt(s).", null, null, timeout)
                {
                    Operation = call.Operation,
                    IdempotencyKey = call.IdempotencyKey,
                };
            case HttpRequestException failure:
                throw new SmartRetryTransportException(
                    $"SmartRetry {call.Operation} could not be reached after {attempts.Count} attempt(s).", null, null, failure)
                {
                    Operation = call.Operation,
                    IdempotencyKey = call.IdempotencyKey,
                };
        }

        outcome.ThrowIfException();
        RestResponse response = outcome.Result!;
        if (!response.IsSuccessStatusCode)
        {
            throw ErrorMapper.Map(call, response, TimeProvider.GetUtcNow());
        }

        return new SmartRetryResponse<TResult>(
            ReadBody<TResult>(call, response),
            (int)response.StatusCode,
            call.IdempotencyKey,
            ResponseHeaders.IdempotencyReplayed(response),
            ResponseHeaders.IdempotencyExpires(response),
            ResponseHeaders.RateLimit(response),
            attempts.Count);
    }

    private static TResult ReadBody<TResult>(ApiCall call, RestResponse response)
    {
        try
        {
            return JsonSerializer.Deserialize<TResult>(response.RawBytes ?? [], SmartRetryJson.Options)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException invalid)
        {
            throw new SmartRetryApiException(
                $"SmartRetry {call.Operation} answered HTTP {(int)response.StatusCode} with a body this client cannot read.",
                (int)response.StatusCode,
                null,
                invalid)
            {
                Operation = call.Operation,
                IdempotencyKey = call.IdempotencyKey,
            };
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// One attempt. Never throws: <see cref="ResiliencePipeline{T}.ExecuteOutcomeAsync{TState}"/> requires every failure as
    /// an outcome. Its state machine comes from a pool: Polly awaits each attempt exactly once, and the attempt always
    /// completes asynchronously (it waits on the network), so an unpooled one was an allocation per attempt.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<RestResponse>> SendAttemptAsync(CallState counter, CancellationToken cancellationToken)
    {
        ApiCall call = counter.Call;
        int attempt = ++counter.Count;
        try
        {
            if (rateLimitGate is not null)
            {
                await rateLimitGate.WaitAsync(cancellationToken);
            }

            // One span per attempt, so a trace shows each retry with the key that makes it safe to repeat.
            using Activity? span = SmartRetryClientTelemetry.Source.StartActivity($"SmartRetry {call.Operation}", ActivityKind.Client);
            span?.SetTag("smartretry.operation", call.Operation);
            span?.SetTag("smartretry.attempt", attempt);
            span?.SetTag("smartretry.idempotency_key", call.IdempotencyKey);
            span?.SetTag("http.request.method", call.Method.ToString().ToUpperInvariant());

            long started = TimeProvider.GetTimestamp();
            RestResponse response = await restClient.ExecuteAsync(CreateRequest(call, options.ApiKey), cancellationToken);
            TimeSpan duration = TimeProvider.GetElapsedTime(started);
            double durationMs = duration.TotalMilliseconds;

            // RestSharp reports error statuses as ResponseStatus.Error too; only a zero status means no answer arrived.
            if (response.StatusCode == 0)
            {
                string failure = cancellationToken.IsCancellationRequested ? "cancelled or timed out" : response.ErrorException?.GetType().Name ?? response.ResponseStatus.ToString();
                ClientLog.AttemptFailed(logger, call.Operation, attempt, failure, durationMs, call.IdempotencyKey);
                string errorType = cancellationToken.IsCancellationRequested ? "timeout" : response.ErrorException?.GetType().FullName ?? "no_answer";
                SmartRetryClientTelemetry.AttemptFailed(call.Operation, attempt, errorType, duration);
                span?.SetTag("error.type", errorType);
                span?.SetStatus(ActivityStatusCode.Error, "No answer.");
                return Outcome.FromException<RestResponse>(cancellationToken.IsCancellationRequested
                    ? new OperationCanceledException(cancellationToken)
                    : new HttpRequestException($"SmartRetry {call.Operation} got no answer.", response.ErrorException));
            }

            ClientLog.AttemptAnswered(logger, call.Operation, attempt, (int)response.StatusCode, durationMs, call.IdempotencyKey);
            SmartRetryClientTelemetry.AttemptAnswered(call.Operation, attempt, (int)response.StatusCode, duration);
            span?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                span?.SetStatus(ActivityStatusCode.Error, $"HTTP {(int)response.StatusCode}");
            }

            rateLimitGate?.Observe(ResponseHeaders.RateLimit(response));
            return Outcome.FromResult(response);
        }
        catch (Exception failure)
        {
            // Whatever fails (a cancelled rate-limit wait included) becomes the outcome Polly decides on.
            return Outcome.FromException<RestResponse>(failure);
        }
    }

    /// <summary>The RestSharp client every call goes through (and the benchmarks measure on its own).</summary>
    internal static RestClient CreateRestClient(HttpClient httpClient, SmartRetryClientOptions options)
    {
        var restOptions = new RestClientOptions(options.BaseUrl)
        {
            UserAgent = UserAgent,
            ThrowOnAnyError = false,

            // The pipeline times every attempt (AttemptTimeout, on the TimeProvider). RestSharp's own timeout (100 s by
            // default) would arm a second timer per attempt and could cut an attempt short of a longer AttemptTimeout.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var restClient = new RestClient(httpClient, restOptions, disposeHttpClient: false);
        restClient.AddDefaultHeader(KnownHeaders.Accept, AcceptedMediaTypes);
        return restClient;
    }

    /// <summary>One attempt's request: a new <see cref="RestRequest"/> per attempt, carrying the call's key and body bytes.</summary>
    internal static RestRequest CreateRequest(ApiCall call, string apiKey)
    {
        var request = new RestRequest(call.Resource, call.Method)
        {
            CompletionOption = HttpCompletionOption.ResponseContentRead,
            AdvancedResponseWriter = ResponseReader.Read,
        };
        if (call.Authenticated)
        {
            request.AddHeader(HeaderNames.ApiKey, apiKey);
        }

        if (call.IdempotencyKey is not null)
        {
            request.AddHeader(HeaderNames.IdempotencyKey, call.IdempotencyKey);
        }

        if (call.Query is { } query)
        {
            request.AddQueryParameter(query.Key, query.Value);
        }

        if (call.Body is not null)
        {
            request.AddParameter(new BodyParameter(string.Empty, call.Body, ContentType.Json, DataFormat.Binary));
        }

        return request;
    }

    private ResiliencePipeline<RestResponse> BuildPipeline(bool retried)
    {
        var builder = new ResiliencePipelineBuilder<RestResponse> { TimeProvider = TimeProvider };
        if (retried && options.Retry.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<RestResponse>
            {
                MaxRetryAttempts = options.Retry.MaxAttempts - 1,
                ShouldHandle = arguments => ValueTask.FromResult(
                    ShouldRetry(arguments.Outcome, arguments.AttemptNumber, arguments.Context.Properties.GetValue(CallKey, null!))),
                DelayGenerator = arguments => ValueTask.FromResult<TimeSpan?>(arguments.Context.Properties.GetValue(CallKey, null!).NextDelay),
                OnRetry = arguments =>
                {
                    CallState state = arguments.Context.Properties.GetValue(CallKey, null!);
                    SmartRetryClientTelemetry.RetryScheduled(state.Call.Operation, arguments.RetryDelay, fromRetryAfter: state.RetryAfter is not null);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = arguments => ValueTask.FromResult(AttemptTimeout(arguments.Context.Properties.GetValue(CallKey, null!))),
        }).Build();
    }

    /// <summary>The attempt's timeout, cut to what is left before the call's deadline.</summary>
    private TimeSpan AttemptTimeout(CallState state)
    {
        TimeSpan remaining = state.Remaining(options.OverallTimeout);

        // A retry is only scheduled with time left, so this floor only absorbs the clock moving on since that decision.
        return remaining < options.AttemptTimeout ? TimeSpan.FromTicks(Math.Max(remaining.Ticks, TimeSpan.TicksPerMillisecond)) : options.AttemptTimeout;
    }

    /// <summary>
    /// Retries a transient failure when the attempts allow it, SmartRetry's <c>Retry-After</c> is within the cap, and the
    /// wait ends before the call's deadline. The failed attempt's <c>Retry-After</c> is read here once and kept, with the
    /// wait, for the delay and the retry metric.
    /// </summary>
    private bool ShouldRetry(Outcome<RestResponse> outcome, int retryIndex, CallState state)
    {
        TimeSpan? retryAfter = outcome.Result is { } answer ? ResponseHeaders.RetryAfter(answer, TimeProvider.GetUtcNow()) : null;
        bool transient = outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Result: { } response } => IsTransient(response.StatusCode) && !(retryAfter > options.Retry.MaxRetryAfter),
            _ => false,
        };
        if (!transient)
        {
            return false;
        }

        TimeSpan delay = retryAfter ?? Backoff(retryIndex);
        if (delay >= state.Remaining(options.OverallTimeout))
        {
            return false;
        }

        state.RetryAfter = retryAfter;
        state.NextDelay = delay;
        return true;
    }

    /// <summary>Without a <c>Retry-After</c>: 1 s doubling per attempt, capped, plus up to +10 % jitter.</summary>
    private TimeSpan Backoff(int retryIndex)
    {
        SmartRetryRetryOptions retry = options.Retry;
        double delayMs = Math.Min(retry.BaseDelay.TotalMilliseconds * Math.Pow(2, retryIndex), retry.MaxDelay.TotalMilliseconds);
        if (retry.UseJitter)
        {
#pragma warning disable CA5394 // Jitter spreads retries out; it needs no cryptographic randomness.
            delayMs = Math.Min(delayMs * (1 + (Random.Shared.NextDouble() * 0.1)), retry.MaxDelay.TotalMilliseconds);
#pragma warning restore CA5394
        }

        return TimeSpan.FromMilliseconds(delayMs);
    }

    /// <summary>One call's progress, shared by its attempts and the strategies deciding between them.</summary>
    private sealed class CallState(SmartRetryPipeline pipeline, ApiCall call, long startedAt)
    {
        public SmartRetryPipeline Pipeline { get; } = pipeline;

        public ApiCall Call { get; } = call;

        public int Count { get; set; }

        public TimeSpan? RetryAfter { get; set; }

        public TimeSpan NextDelay { get; set; }

        public TimeSpan Remaining(TimeSpan overallTimeout) => overallTimeout - Pipeline.TimeProvider.GetElapsedTime(startedAt);
    }
}
