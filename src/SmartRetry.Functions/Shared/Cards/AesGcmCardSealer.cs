using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartRetry.Functions.Shared.Cards;

/// <summary>
/// Seals cards with AES-256-GCM. Envelope (base64): a version byte, a random 12-byte nonce, the ciphertext and the
/// 16-byte tag. The version byte and the key id are bound as associated data, so an envelope cannot be replayed under
/// another key id or format; a version-2 envelope also binds what it belongs to (the payment or series holding it), so
/// it cannot be moved to another. Version 1 (unbound) is only opened, for instances started before the card vault.
/// Errors never carry card data, and plaintext buffers are wiped after use.
/// </summary>
public sealed class AesGcmCardSealer(SealingKeyRing keys) : ICardSealer
{
    private const byte UnboundVersion = 1;
    private const byte BoundVersion = 2;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize;

    public SealedCard Seal(CardDetails card, string? boundTo = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        byte version = boundTo is null ? UnboundVersion : BoundVersion;
        string keyId = keys.CurrentKeyId;
        keys.TryGetKey(keyId, out byte[] key);

        byte[] plaintext = JsonSerializer.SerializeToUtf8Bytes(SealedPayload.From(card), SealedPayloadContext.Default.SealedPayload);
        try
        {
            byte[] envelope = new byte[HeaderSize + plaintext.Length + TagSize];
            envelope[0] = version;
            Span<byte> nonce = envelope.AsSpan(1, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(
                nonce,
                plaintext,
                envelope.AsSpan(HeaderSize, plaintext.Length),
                envelope.AsSpan(HeaderSize + plaintext.Length, TagSize),
                AssociatedData(version, keyId, boundTo));
            return new SealedCard(keyId, Convert.ToBase64String(envelope));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public CardDetails Unseal(SealedCard sealedCard, string? boundTo = null)
    {
        ArgumentNullException.ThrowIfNull(sealedCard);
        if (!keys.TryGetKey(sealedCard.KeyId ?? "", out byte[] key))
        {
            throw new CardSealingException($"The card was sealed with key '{Printable(sealedCard.KeyId)}', which is not configured under Payments:Sealing:Keys.");
        }

        byte[] envelope = DecodeEnvelope(sealedCard.Envelope);
        if (envelope[0] is not (UnboundVersion or BoundVersion))
        {
            throw new CardSealingException($"The card envelope has unsupported format version {envelope[0]}.");
        }

        if ((envelope[0] == BoundVersion) != (boundTo is not null))
        {
            throw new CardSealingException(boundTo is null
                ? "The card envelope is bound to its holder and was opened without one."
                : "The card envelope is not bound to a holder and is not accepted as one.");
        }

        int ciphertextLength = envelope.Length - HeaderSize - TagSize;
        byte[] plaintext = new byte[ciphertextLength];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(
                envelope.AsSpan(1, NonceSize),
                envelope.AsSpan(HeaderSize, ciphertextLength),
                envelope.AsSpan(HeaderSize + ciphertextLength, TagSize),
                plaintext,
                AssociatedData(envelope[0], sealedCard.KeyId!, boundTo));
            SealedPayload payload = JsonSerializer.Deserialize(plaintext, SealedPayloadContext.Default.SealedPayload)
                ?? throw new CardSealingException("The card envelope is empty.");
            return payload.ToCard();
        }
        catch (CryptographicException)
        {
            // The inner exception is dropped on purpose: nothing from a failed decryption belongs in logs.
            throw new CardSealingException($"The card envelope failed authentication under key '{Printable(sealedCard.KeyId)}': it was altered, sealed with a different key or for another holder.");
        }
        catch (JsonException)
        {
            throw new CardSealingException("The card envelope opened but does not hold a card.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] DecodeEnvelope(string? envelope)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(envelope ?? "");
        }
        catch (FormatException)
        {
            throw new CardSealingException("The card envelope is not valid base64.");
        }

        return bytes.Length > HeaderSize + TagSize
            ? bytes
            : throw new CardSealingException("The card envelope is truncated.");
    }

    // The key id and the holder are separated by a zero byte, which neither may contain, so no two pairs read the same.
    private static byte[] AssociatedData(byte version, string keyId, string? boundTo) => boundTo is null
        ? [version, .. Encoding.UTF8.GetBytes(keyId)]
        : [version, .. Encoding.UTF8.GetBytes(keyId), 0, .. Encoding.UTF8.GetBytes(boundTo)];

    private static string Printable(string? keyId) =>
        keyId is not null && SealingKeyRing.IsValidKeyId(keyId) ? keyId : "(malformed key id)";

    internal sealed record SealedPayload(
        [property: JsonPropertyName("n")] string Number,
        [property: JsonPropertyName("m")] int ExpiryMonth,
        [property: JsonPropertyName("y")] int ExpiryYear,
        [property: JsonPropertyName("c")] string? Cvv,
        [property: JsonPropertyName("h")] string? HolderName)
    {
        public static SealedPayload From(CardDetails card) => new(card.Number, card.ExpiryMonth, card.ExpiryYear, card.Cvv, card.HolderName);

        public CardDetails ToCard() => new(Number, ExpiryMonth, ExpiryYear, Cvv, HolderName);

        public override string ToString() => nameof(SealedPayload);
    }
}

[JsonSerializable(typeof(AesGcmCardSealer.SealedPayload))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class SealedPayloadContext : JsonSerializerContext;
