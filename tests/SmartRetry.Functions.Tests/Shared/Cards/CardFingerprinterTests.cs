using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SmartRetry.Functions.Shared.Cards;

namespace SmartRetry.Functions.Tests.Shared.Cards;

public sealed class CardFingerprinterTests
{
    private static readonly CardDetails Card = new("4111111111111111", 12, 2030, "737", "Jane Doe");

    [Fact]
    public void The_same_card_number_has_the_same_fingerprint_whatever_its_expiry_cvv_or_holder()
    {
        CardFingerprinter fingerprinter = Fingerprinter(NewKey());

        Assert.Equal(fingerprinter.Compute(Card), fingerprinter.Compute(new CardDetails(Card.Number, 1, 2031, null, null)));
    }

    [Fact]
    public void Another_card_or_another_key_gives_another_fingerprint()
    {
        string key = NewKey();

        string fingerprint = Fingerprinter(key).Compute(Card);

        Assert.NotEqual(fingerprint, Fingerprinter(key).Compute(Card with { Number = "5555555555554444" }));
        Assert.NotEqual(fingerprint, Fingerprinter(NewKey()).Compute(Card));
    }

    [Fact]
    public void The_fingerprint_is_the_keyed_hash_of_the_number_and_shows_nothing_of_it()
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);

        string fingerprint = Fingerprinter(Convert.ToBase64String(key)).Compute(Card);

        Assert.Equal(System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(key, "4111111111111111"u8)), fingerprint);
        Assert.Equal(43, fingerprint.Length);
        Assert.DoesNotContain("1111", fingerprint, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", fingerprint, StringComparison.Ordinal);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData("4111111111111111"u8)), fingerprint);
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("not base64!", "at least 32 bytes")]
    [InlineData("c2hvcnQta2V5LW9mLTMxLWJ5dGVzLXh4eHh4eHh4eA==", "at least 32 bytes")]
    public void A_missing_malformed_or_short_key_fails_naming_the_setting_and_never_echoing_the_value(string key, string reason)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Fingerprinter(key));

        Assert.Contains("Payments:Cards:FingerprintKey", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.True(key.Length == 0 || !error.Message.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_longer_than_32_bytes_is_accepted()
    {
        Assert.NotNull(Fingerprinter(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))).Compute(Card));
    }

    internal static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    internal static CardFingerprinter Fingerprinter(string key) => new(Options.Create(new CardFingerprintOptions { FingerprintKey = key }));
}
