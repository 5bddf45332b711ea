namespace SmartRetry.Functions.Shared.Cards;

/// <summary>
/// A card sealed with AES-256-GCM: the only form in which card data may cross the durable boundary (orchestration inputs,
/// outputs, history). <paramref name="KeyId"/> names the sealing key so keys can be rotated; <paramref name="Envelope"/>
/// is opaque base64 (nonce, ciphertext and tag).
/// </summary>
public sealed record SealedCard(string KeyId, string Envelope)
{
    public override string ToString() => $"SealedCard {{ KeyId = {KeyId} }}";
}
