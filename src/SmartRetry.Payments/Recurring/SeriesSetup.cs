using SmartRetry.Payments.Cards;
using SmartRetry.Payments.Gateway;

namespace SmartRetry.Payments.Recurring;

/// <summary>
/// What the first generation of a series workflow needs to create the series at SmartRetry (<c>recurring_init</c>).
/// The card is sealed; once the series exists the workflow continues as new without it, so no later generation
/// carries card data at all.
/// </summary>
public sealed record SeriesSetup(SealedCard Card, PayerDetails Payer);
