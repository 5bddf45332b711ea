using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Shared.Cards;

namespace SmartRetry.Functions.Tests.Shared.Cards;

public sealed class AesGcmCardSealerTests
{
    private static readonly CardDetails Card = new("4111111111111111", 12, 2030, "737", "Jane Doe");

    [Fact]
    public void A_sealed_card_unseals_to_the_same_card()
    {
        AesGcmCardSealer sealer = Sealer(("k1", NewKey()), current: "k1");

        SealedCard sealedCard = sealer.Seal(Card);

        Assert.Equal("k1", sealedCard.KeyId);
        Assert.Equal(Card, sealer.Unseal(sealedCard));
    }

    [Fact]
    public void The_envelope_shows_no_card_field_and_differs_each_time()
    {
        AesGcmCardSealer sealer = Sealer(("k1", NewKey()), current: "k1");

        SealedCard first = sealer.Seal(Card);
        SealedCard second = sealer.Seal(Card);

        Assert.NotEqual(first.Envelope, second.Envelope);
        string decoded = System.Text.Encoding.Latin1.GetString(Convert.FromBase64String(first.Envelope));
        Assert.DoesNotContain("4111111111111111", decoded, StringComparison.Ordinal);
        Assert.DoesNotContain("737", first.Envelope + decoded, StringComparison.Ordinal);
        Assert.Equal(1, Convert.FromBase64String(first.Envelope)[0]);
        Assert.DoesNotContain("4111", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void After_rotation_new_cards_use_the_new_key_and_old_envelopes_still_open()
    {
        string oldKey = NewKey(), newKey = NewKey();
        SealedCard sealedBefore = Sealer(("old", oldKey), current: "old").Seal(Card);
        AesGcmCardSealer rotated = Sealer([("old", oldKey), ("new", newKey)], current: "new");

        SealedCard sealedAfter = rotated.Seal(Card);

        Assert.Equal("new", sealedAfter.KeyId);
        Assert.Equal(Card, rotated.Unseal(sealedBefore));
        Assert.Equal(Card, rotated.Unseal(sealedAfter));
    }

    [Fact]
    public void An_envelope_sealed_with_a_removed_key_fails_naming_the_key_only()
    {
        SealedCard sealedCard = Sealer(("retired", NewKey()), current: "retired").Seal(Card);
        AesGcmCardSealer sealer = Sealer(("k2", NewKey()), current: "k2");

        CardSealingException error = Assert.Throws<CardSealingException>(() => sealer.Unseal(sealedCard));

        Assert.Contains("retired", error.Message, StringComparison.Ordinal);
        AssertNoCardData(error);
    }

    [Fact]
    public void A_key_id_swapped_onto_another_keys_envelope_fails_authentication()
    {
        string key = NewKey();
        AesGcmCardSealer sealer = Sealer([("a", key), ("b", key)], current: "a");
        SealedCard sealedCard = sealer.Seal(Card);

        // Same key material under another id: only the associated data differs, and it must still be rejected.
        CardSealingException error = Assert.Throws<CardSealingException>(() => sealer.Unseal(sealedCard with { KeyId = "b" }));

        AssertNoCardData(error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(-1)]
    public void A_flipped_bit_anywhere_in_the_envelope_is_rejected(int position)
    {
        AesGcmCardSealer sealer = Sealer(("k1", NewKey()), current: "k1");
        SealedCard sealedCard = sealer.Seal(Card);
        byte[] bytes = Convert.FromBase64String(sealedCard.Envelope);
        bytes[position < 0 ? bytes.Length + position : position] ^= 0x01;

        CardSealingException error = Assert.Throws<CardSealingException>(() => sealer.Unseal(sealedCard with { Envelope = Convert.ToBase64String(bytes) }));

        AssertNoCardData(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhc=")]
    public void A_truncated_or_malformed_envelope_is_rejected(string envelope)
    {
        AesGcmCardSealer sealer = Sealer(("k1", NewKey()), current: "k1");

        Assert.Throws<CardSealingException>(() => sealer.Unseal(new SealedCard("k1", envelope)));
    }

    [Fact]
    public void A_card_without_cvv_round_trips_without_one()
    {
        AesGcmCardSealer sealer = Sealer(("k1", NewKey()), current: "k1");

        CardDetails unsealed = sealer.Unseal(sealer.Seal(Card.WithoutCvv()));

        Assert.Null(unsealed.Cvv);
        Assert.Equal(Card.Number, unsealed.Number);
    }

    [Fact]
    public void Start_up_fails_naming_the_setting_when_the_current_key_is_not_configured()
    {
        var options = new CardSealingOptions { CurrentKeyId = "missing" };
        options.Keys["k1"] = NewKey();

        ValidateOptionsResult result = new CardSealingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Payments:Sealing:Keys:missing", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_fails_when_no_current_key_id_is_set()
    {
        ValidateOptionsResult result = new CardSealingOptionsValidator().Validate(null, new CardSealingOptions());

        Assert.Contains("Payments:Sealing:CurrentKeyId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void Start_up_fails_naming_the_key_when_it_is_not_32_bytes(int length)
    {
        var options = new CardSealingOptions { CurrentKeyId = "k1" };
        options.Keys["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(length));

        var error = Assert.Throws<OptionsValidationException>(() => new SealingKeyRing(Options.Create(options)));

        Assert.Contains("Payments:Sealing:Keys:k1", error.Message, StringComparison.Ordinal);
        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(options.Keys["k1"], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sub_keys_differ_per_purpose_and_per_key()
    {
        SealingKeyRing ring = KeyRing([("a", NewKey()), ("b", NewKey())], current: "a");

        byte[] first = ring.DeriveSubKey("a", "one")!;

        Assert.Equal(first, ring.DeriveSubKey("a", "one"));
        Assert.NotEqual(first, ring.DeriveSubKey("a", "two"));
        Assert.NotEqual(first, ring.DeriveSubKey("b", "one"));
        Assert.Null(ring.DeriveSubKey("unknown", "one"));
    }

    [Fact]
    public void A_bound_envelope_opens_only_for_its_holder()
    {
        AesGcmCardSealer sealer = Sealer(("k1", NewKey()), current: "k1");

        SealedCard bound = sealer.Seal(Card, boundTo: "sale-1");

        Assert.Equal(2, Convert.FromBase64String(bound.Envelope)[0]);
        Assert.Equal(Card, sealer.Unseal(bound, boundTo: "sale-1"));
        AssertNoCardData(Assert.Throws<CardSealingException>(() => sealer.Unseal(bound, boundTo: "sale-2")));
        AssertNoCardData(Assert.Throws<CardSealingException>(() => sealer.Unseal(bound)));
        AssertNoCardData(Assert.Throws<CardSealingException>(() => sealer.Unseal(sealer.Seal(Card), boundTo: "sale-1")));
    }

    internal static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    internal static SealingKeyRing KeyRing((string Id, string Key)[] keys, string current)
    {
        var options = new CardSealingOptions { CurrentKeyId = current };
        foreach ((string id, string key) in keys)
        {
            options.Keys[id] = key;
        }

        return new SealingKeyRing(Options.Create(options));
    }

    private static AesGcmCardSealer Sealer((string Id, string Key) key, string current) => Sealer([key], current);

    private static AesGcmCardSealer Sealer((string Id, string Key)[] keys, string current) => new(KeyRing(keys, current));

    private static void AssertNoCardData(Exception error)
    {
        string text = error.ToString();
        Assert.DoesNotContain("4111111111111111", text, StringComparison.Ordinal);
        Assert.DoesNotContain("737", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2030", text, StringComparison.Ordinal);
    }
}
