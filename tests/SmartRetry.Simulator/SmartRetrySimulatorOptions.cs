using System.ComponentModel.DataAnnotations;

namespace SmartRetry.Simulator;

/// <summary>How a simulator run behaves: credentials it accepts, its clock, where webhooks go and which faults to inject.</summary>
public sealed class SmartRetrySimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>The only <c>x-api-key</c> value the simulator accepts.</summary>
    [Required]
    public string ApiKey { get; set; } = "sk_test_local_simulator_not_a_real_key";

    /// <summary>The only <c>terminal_friendly_id</c> the API key may use (6 alphanumeric characters).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9]{6}$")]
    public string TerminalId { get; set; } = "LOCAL1";

    /// <summary>How many simulated seconds pass per real second (2,592,000 makes a 30-day month pass in one second).</summary>
    [Range(0.001, 1e9)]
    public double TimeFactor { get; set; } = 1;

    /// <summary>The simulated date and time at start-up; defaults to the real time at start-up.</summary>
    public DateTimeOffset? SimulatedStart { get; set; }

    /// <summary>Where webhooks are POSTed; none are delivered (only recorded) when unset.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The webhook signing secret (§6.4), used as UTF-8 bytes.</summary>
    [Required]
    public string WebhookSecret { get; set; } = "whsec_local_simulator_not_a_real_secret";

    /// <summary>
    /// Whether due work (webhook deliveries, retries, scheduled charges) runs by itself as the clock moves. Tests that
    /// want full control turn it off and call <see cref="SmartRetrySimulator.RunDueAsync"/> or advance the clock.
    /// </summary>
    public bool AutomaticDispatch { get; set; } = true;

    /// <summary>How long a concurrent twin waits for the in-flight request with the same Idempotency-Key (§5: 10 s).</summary>
    public TimeSpan IdempotencyLockWait { get; set; } = TimeSpan.FromSeconds(10);

    public SimulatorRateLimits RateLimits { get; set; } = new();

    public SimulatorFaults Faults { get; set; } = new();
}
