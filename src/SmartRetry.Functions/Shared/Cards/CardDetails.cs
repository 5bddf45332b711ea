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

/// <summary>What may be kept about a card after authorization: SmartRetry's token and non-sensitive display data.</summary>
public sealed record CardSummary(string? Token, string? LastFour, string? Bin, string? Brand);

/// <summary>
/// A card sealed with AES-256-GCM: the only form in which card data may cross the durable boundary (orchestration inputs,
/// outputs, history). <paramref name="KeyId"/> names the sealing key so keys can be rotated; <paramref name="Envelope"/>
/// is opaque base64 (nonce, ciphertext and tag).
/// </summary>
public sealed record SealedCard(string KeyId, string Envelope)
{
    public override string ToString() => $"SealedCard {{ KeyId = {KeyId} }}";
}
