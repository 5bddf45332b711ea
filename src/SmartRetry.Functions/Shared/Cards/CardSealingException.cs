namespace SmartRetry.Functions.Shared.Cards;

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
