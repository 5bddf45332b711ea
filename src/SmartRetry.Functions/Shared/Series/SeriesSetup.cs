using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>
/// What the first generation of a series orchestration needs to create the series at SmartRetry (<c>recurring_init</c>).
/// The card is not here: it waits in the card vault under the series id for the set-up call, and once the series
/// exists the orchestration continues as new without this.
/// </summary>
public sealed record SeriesSetup(PayerDetails Payer)
{
    /// <summary>Only in series started before the card vault: the sealed card their first generation's input holds.</summary>
    public SealedCard? Card { get; init; }
}
