namespace SmartRetry.Functions.Shared.Cards;

/// <summary>Seals card data with the current key and unseals it with any configured key.</summary>
public interface ICardSealer
{
    /// <param name="boundTo">What the envelope belongs to (the payment or series that holds it): it opens only for the
    /// same value, so an envelope copied to another row is useless. Null only for the unbound envelopes of the past.</param>
    SealedCard Seal(CardDetails card, string? boundTo = null);

    /// <summary>Throws <see cref="CardSealingException"/> for a tampered envelope, an unknown key id or another binding.</summary>
    CardDetails Unseal(SealedCard sealedCard, string? boundTo = null);
}

/// <summary>An envelope that cannot be opened. Its message never contains card data.</summary>
public sealed class CardSealingException : Exception
{
    public CardSealingException()
    {
    }

    public CardSealingException(string message)
        : base(message)
    {
    }

    public CardSealingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
