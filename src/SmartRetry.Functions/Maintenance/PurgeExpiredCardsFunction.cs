using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Cards;

namespace SmartRetry.Functions.Maintenance;

/// <summary>
/// Deletes every row of the card vault past its expiry, hourly: whatever happened to the payment it was held for, no
/// card outlives a day past its charge's due time (the paths that settle a payment delete it far sooner).
/// </summary>
public sealed partial class PurgeExpiredCardsFunction(ICardVault cards, TimeProvider timeProvider, ILogger<PurgeExpiredCardsFunction> logger)
{
    /// <summary>Every hour at :15:00 UTC (NCRONTAB with seconds).</summary>
    public const string Schedule = "0 15 * * * *";

    [Function("PurgeExpiredCards")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        int purged = await cards.PurgeExpiredAsync(timeProvider.GetUtcNow(), cancellationToken);
        LogPurged(logger, purged);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Card vault: {Purged} rows past their expiry deleted")]
    private static partial void LogPurged(ILogger logger, int purged);
}
