using System.ComponentModel.DataAnnotations;

namespace SmartRetry.Functions.Webhooks;

/// <summary>
/// Webhook intake settings: the secret comes from <c>SmartRetry:WebhookSecret</c>, the rest from <c>Payments:Webhooks</c>.
/// SmartRetry waits 30 s for an answer, so raise retries and storage together must stay well inside that.
/// </summary>
public sealed class WebhookIntakeOptions
{
    public const string SectionName = "Payments:Webhooks";
    public const string SecretKey = "SmartRetry:WebhookSecret";

    /// <summary>The signing secret from the SmartRetry dashboard (a Key Vault reference in Azure).</summary>
    [Required(ErrorMessage = "SmartRetry:WebhookSecret is required: the webhook signing secret from the SmartRetry dashboard.")]
    public string WebhookSecret { get; set; } = "";

    /// <summary>Attempts to raise an event into an instance that does not exist yet, before keeping the event as pending.</summary>
    [Range(1, 10)]
    public int RaiseAttempts { get; set; } = 4;

    /// <summary>Delay before the second attempt; it doubles for each later one (1 s, 2 s, 4 s by default).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan RaiseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a delivery may hold an event it is processing before a redelivery takes it over (the holder died).
    /// Above the 30 s SmartRetry waits for an answer; below its first redelivery delay (1 minute).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:05:00")]
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Received events (kept for deduplication and audit) and never-claimed pending events are deleted after this many
    /// days. At least 2: SmartRetry redelivers an event for up to ~35 h, and every redelivery must still find its event.
    /// </summary>
    [Range(2, 3650)]
    public int RetentionDays { get; set; } = 30;
}
