namespace SmartRetry.Functions.Shared.Cards;

/// <summary>
/// A payment card in the clear. It exists only in memory: between the HTTP request and sealing, and inside the one
/// activity that calls SmartRetry. <see cref="ToString"/> never shows the number, expiry or CVV.
/// </summary>
public sealed record CardDetails(string Number, int ExpiryMonth, int ExpiryYear, string? Cvv, string? HolderName)
{
    public string LastFour => Number.Length >= 4 ? Number[^4..] : "";

    /// <summary>The same card without its CVV: for future-dated and merchant-initiated charges, where a CVV must not be kept.</summary>
    public CardDetails WithoutCvv() => this with { Cvv = null };

    public override string ToString() => $"CardDetails {{ Number = ****{LastFour}, Expiry = **/****, Cvv = {(Cvv is null ? "none" : "***")} }}";
}
