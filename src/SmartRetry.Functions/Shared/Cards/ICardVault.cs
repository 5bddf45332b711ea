namespace SmartRetry.Functions.Shared.Cards;

/// <summary>
/// The one place a card is kept between the request that brought it and the SmartRetry call that needs it
/// (architecture.md, "The card's life"). Orchestrations never carry a card: they name it by its reference (the sale's
/// payment id, the series' id), and the activity that calls SmartRetry opens it here. Once SmartRetry has answered that
/// call, the card (and with it the CVV) is replaced by the answer, so a retry of the activity after a crash learns the
/// answer without the card; once the payment is final, nothing of it remains. Every row also carries an expiry after
/// which it is deleted whatever happened (<see cref="PurgeExpiredAsync"/>).
/// </summary>
public interface ICardVault
{
    /// <summary>Seals <paramref name="card"/> bound to <paramref name="reference"/> and holds it until <paramref name="heldUntil"/> at the latest, replacing whatever was held.</summary>
    Task HoldAsync(string reference, CardDetails card, DateTimeOffset heldUntil, CancellationToken cancellationToken);

    /// <summary>What is held under <paramref name="reference"/>: the card, or the answer recorded in its place, or nothing.</summary>
    Task<HeldCard<TAnswer>> OpenAsync<TAnswer>(string reference, CancellationToken cancellationToken)
        where TAnswer : class;

    /// <summary>Replaces the card with SmartRetry's answer to the call it was held for: the card is deleted, the answer kept for the activity's retries.</summary>
    Task RecordAnswerAsync<TAnswer>(string reference, TAnswer answer, CancellationToken cancellationToken)
        where TAnswer : class;

    /// <summary>Deletes whatever is held under <paramref name="reference"/>; nothing when there is nothing.</summary>
    Task ForgetAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Deletes every row past its expiry; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>What the vault holds for one reference: at most one of a card and an answer.</summary>
/// <param name="Card">The card in the clear, for the one call about to use it; never stored or logged.</param>
/// <param name="Answer">SmartRetry's answer to the call the card was held for, once it came.</param>
public sealed record HeldCard<TAnswer>(CardDetails? Card, TAnswer? Answer)
    where TAnswer : class
{
    public override string ToString() => Card is null ? $"HeldCard {{ Answer = {Answer is not null} }}" : "HeldCard { Card = *** }";
}
