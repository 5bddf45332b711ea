namespace SmartRetry.Payments.Cards;

/// <summary>Seals card data with the current key and unseals it with any configured key.</summary>
public interface ICardSealer
{
    SealedCard Seal(CardDetails card);

    /// <summary>Throws <see cref="CardSealingException"/> for a tampered envelope or an unknown key id.</summary>
    CardDetails Unseal(SealedCard sealedCard);
}
