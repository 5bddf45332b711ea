using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace SmartRetry.Simulator;

/// <summary>
/// Faults injected into <c>/v1</c> calls. A server error is answered before the operation runs (nothing happened);
/// a dropped connection is cut after the operation ran and its idempotent result was stored, which is the ambiguous
/// failure a client must retry with the same Idempotency-Key.
/// </summary>
public sealed class SimulatorFaults
{
    /// <summary>Share of calls (0..1) answered with a 5xx before anything is done.</summary>
    [Range(0d, 1d)]
    [JsonPropertyName("server_error_rate")]
    public double ServerErrorRate { get; set; }

    /// <summary>The next N calls are answered with 503 before anything is done.</summary>
    [Range(0, int.MaxValue)]
    [JsonPropertyName("server_errors_next")]
    public int ServerErrorsNext { get; set; }

    /// <summary>Share of calls (0..1) whose connection is dropped after the operation ran.</summary>
    [Range(0d, 1d)]
    [JsonPropertyName("drop_connection_rate")]
    public double DropConnectionRate { get; set; }

    /// <summary>The next N calls have their connection dropped after the operation ran.</summary>
    [Range(0, int.MaxValue)]
    [JsonPropertyName("drop_connections_next")]
    public int DropConnectionsNext { get; set; }

    /// <summary>Delay added before each call is handled (measured on the simulator's base time provider).</summary>
    [Range(0, 600_000)]
    [JsonPropertyName("added_latency_ms")]
    public int AddedLatencyMilliseconds { get; set; }

    /// <summary>The next N calls are answered with 429 and <c>Retry-After</c>.</summary>
    [Range(0, int.MaxValue)]
    [JsonPropertyName("rate_limit_burst")]
    public int RateLimitBurst { get; set; }

    [Range(1, 3600)]
    [JsonPropertyName("retry_after_seconds")]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Seed of the random source behind the rates, so a run is repeatable.</summary>
    [JsonPropertyName("seed")]
    public int Seed { get; set; } = 7;

    public SimulatorFaults Clone() => (SimulatorFaults)MemberwiseClone();
}
