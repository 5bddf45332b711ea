namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>
/// What SmartRetry promises for an <c>Idempotency-Key</c> (https://www.smartretry.com/docs/api-reference/idempotency):
/// the same key with the same body replays the stored answer, for 24 hours from when the answer was stored. A call
/// whose answer we never learnt may be repeated with its key inside that window, and must not be after it: a
/// forgotten key would make the repeat a second charge.
/// </summary>
public static class SmartRetryIdempotency
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// The last moment a call first made no earlier than <paramref name="firstCallNoEarlierThan"/> may be repeated
    /// with its key: an hour inside the window, for clocks and for a repeat that is itself slow.
    /// </summary>
    public static DateTimeOffset RepeatableUntil(DateTimeOffset firstCallNoEarlierThan) => firstCallNoEarlierThan + KeyLifetime - TimeSpan.FromHours(1);
}
