using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SmartRetry.Client.Webhooks;

namespace SmartRetry.Client.Tests.Webhooks;

public sealed class WebhookVerifierTests
{
    // The test vector of SmartRetry's webhook docs (https://www.smartretry.com/docs/integration/webhooks).
    private const string Secret = "test_webhook_secret_123";
    private const long VectorTimestamp = 1711979533;
    private const string VectorBody =
        """{"id":"evt_8A3F2C1D","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z","data":{"transaction_id":"TX8A3F2C"}}""";
    private const string VectorSignature = "b7283725ff601f0826b8a560e8309dd796071e1c3c29677937c327ea8de83b25";

    private FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp));

    private WebhookVerifier Verifier => new(_clock);

    [Fact]
    public void The_documented_test_vector_verifies_and_parses()
    {
        WebhookEvent webhook = Verifier.Verify(Bytes(VectorBody), $"t={VectorTimestamp},v1={VectorSignature}", Secret);

        Assert.Equal("evt_8A3F2C1D", webhook.Id);
        Assert.Equal("transaction.approved", webhook.Type);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 14, 22, 13, TimeSpan.Zero), webhook.CreatedAt);
        Assert.Equal("TX8A3F2C", webhook.TransactionId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_header_is_rejected(string? header) =>
        AssertRejected(SignatureFailureReason.MissingHeader, VectorBody, header);

    [Theory]
    [InlineData("garbage")]
    [InlineData("t=1711979533")]
    [InlineData("v1=b7283725ff601f0826b8a560e8309dd796071e1c3c29677937c327ea8de83b25")]
    [InlineData("t=1711979533,=abc")]
    [InlineData("t=1,t=2,v1=b7283725ff601f0826b8a560e8309dd796071e1c3c29677937c327ea8de83b25")]
    public void A_malformed_header_is_rejected(string header) =>
        AssertRejected(SignatureFailureReason.MalformedHeader, VectorBody, header);

    [Theory]
    [InlineData("abc")]
    [InlineData("-1711979533")]
    [InlineData("1711979533.5")]
    [InlineData("")]
    [InlineData("99999999999999999999999")]
    public void A_timestamp_that_is_not_whole_unix_seconds_is_rejected(string timestamp) =>
        AssertRejected(SignatureFailureReason.InvalidTimestamp, VectorBody, $"t={timestamp},v1={VectorSignature}");

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void A_signature_outside_the_tolerance_either_way_is_rejected(int secondsFromSigning)
    {
        _clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp + secondsFromSigning));

        AssertRejected(SignatureFailureReason.TimestampOutsideTolerance, VectorBody, $"t={VectorTimestamp},v1={VectorSignature}");
    }

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    public void A_signature_at_the_edge_of_the_tolerance_is_accepted(int secondsFromSigning)
    {
        _clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp + secondsFromSigning));

        WebhookEvent webhook = Verifier.Verify(Bytes(VectorBody), $"t={VectorTimestamp},v1={VectorSignature}", Secret);

        Assert.Equal("evt_8A3F2C1D", webhook.Id);
    }

    [Fact]
    public void The_tolerance_is_configurable()
    {
        _clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp + 61));
        var strict = new WebhookVerifier(_clock, TimeSpan.FromSeconds(60));

        SignatureVerificationException failure = Assert.Throws<SignatureVerificationException>(
            () => strict.Verify(Bytes(VectorBody), $"t={VectorTimestamp},v1={VectorSignature}", Secret));

        Assert.Equal(SignatureFailureReason.TimestampOutsideTolerance, failure.Reason);
    }

    [Theory]
    [InlineData("b7283725ff601f0826b8a560e8309dd7")]
    [InlineData("zz283725ff601f0826b8a560e8309dd796071e1c3c29677937c327ea8de83b25")]
    [InlineData("")]
    public void A_v1_that_is_not_64_hex_characters_is_rejected(string signature) =>
        AssertRejected(SignatureFailureReason.MalformedSignature, VectorBody, $"t={VectorTimestamp},v1={signature}");

    [Fact]
    public void A_tampered_body_is_rejected() =>
        AssertRejected(SignatureFailureReason.SignatureMismatch, VectorBody.Replace("TX8A3F2C", "TX000000", StringComparison.Ordinal), $"t={VectorTimestamp},v1={VectorSignature}");

    [Fact]
    public void A_body_with_one_extra_trailing_byte_is_rejected() =>
        AssertRejected(SignatureFailureReason.SignatureMismatch, VectorBody + "\n", $"t={VectorTimestamp},v1={VectorSignature}");

    [Fact]
    public void A_signature_made_with_another_secret_is_rejected()
    {
        string forged = Sign("another_secret", VectorTimestamp, VectorBody);

        AssertRejected(SignatureFailureReason.SignatureMismatch, VectorBody, $"t={VectorTimestamp},v1={forged}");
    }

    [Fact]
    public void A_timestamp_changed_after_signing_is_rejected()
    {
        _clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp + 1));

        AssertRejected(SignatureFailureReason.SignatureMismatch, VectorBody, $"t={VectorTimestamp + 1},v1={VectorSignature}");
    }

    [Fact]
    public void Any_matching_v1_among_several_is_accepted()
    {
        string stale = Sign("old_secret", VectorTimestamp, VectorBody);

        WebhookEvent webhook = Verifier.Verify(Bytes(VectorBody), $"t={VectorTimestamp},v1={stale},v1={VectorSignature}", Secret);

        Assert.Equal("evt_8A3F2C1D", webhook.Id);
    }

    [Fact]
    public void Uppercase_hex_and_spaces_around_pairs_are_tolerated()
    {
        WebhookEvent webhook = Verifier.Verify(Bytes(VectorBody), $" t={VectorTimestamp} , v1={VectorSignature.ToUpperInvariant()}", Secret);

        Assert.Equal("evt_8A3F2C1D", webhook.Id);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"type":"transaction.approved","created_at":"2026-04-01T14:22:13Z"}""")]
    [InlineData("""{"id":"evt_1","type":"transaction.approved","created_at":"yesterday"}""")]
    [InlineData("""{"id":"evt_1","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z"} {}""")]
    [InlineData("""{"id":"evt_1","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z","data":{"a":""")]
    [InlineData("""{"id":7,"type":"transaction.approved","created_at":"2026-04-01T14:22:13Z"}""")]
    public void A_correctly_signed_body_that_is_not_an_event_is_rejected(string body) =>
        AssertRejected(SignatureFailureReason.InvalidPayload, body, $"t={VectorTimestamp},v1={Sign(Secret, VectorTimestamp, body)}");

    public static TheoryData<string> UnreadableEvents => new()
    {
        """{"id":"evt_1","id":"evt_2","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z"}""",
        """{"id":"evt_1","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z","data":{"transaction_id":"TX1","transaction_id":"TX2"}}""",
        """{"id":"evt_1","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z","data":{"status":{"status":"DECLINED","status":"APPROVED"}}}""",
        """{"id":"evt_\ud800","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z"}""",
        """{"id":"evt_1","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z","data":{"transaction_id":"TX\udc00"}}""",
        """{"id":"evt_1","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z","data":[{"note":"\ud83d"}]}""",
        """{"id":"evt_\u0001","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z"}""",
        "{\"id\":\"" + new string('e', WebhookVerifier.MaxIdentifierLength + 1) + "\",\"type\":\"transaction.approved\",\"created_at\":\"2026-04-01T14:22:13Z\"}",
    };

    /// <summary>Signed, so SmartRetry sent it, yet nothing could read it without guessing which field is meant or failing on its text later.</summary>
    [Theory]
    [MemberData(nameof(UnreadableEvents))]
    public void A_signed_event_with_a_repeated_field_or_unreadable_text_is_rejected(string body) =>
        AssertRejected(SignatureFailureReason.InvalidPayload, body, $"t={VectorTimestamp},v1={Sign(Secret, VectorTimestamp, body)}");

    [Fact]
    public void A_signed_body_that_is_not_utf8_is_rejected()
    {
        byte[] body = [.. Bytes("{\"id\":\"evt_"), 0xFF, 0xFE, .. Bytes("\",\"type\":\"transaction.approved\",\"created_at\":\"2026-04-01T14:22:13Z\"}")];
        byte[] signed = [.. Bytes($"{VectorTimestamp}."), .. body];
        string header = $"t={VectorTimestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed))}";

        SignatureVerificationException rejected = Assert.Throws<SignatureVerificationException>(() => Verifier.Verify(body, header, Secret));

        Assert.Equal(SignatureFailureReason.InvalidPayload, rejected.Reason);
    }

    [Fact]
    public void Event_fields_are_read_from_nested_and_flat_shapes()
    {
        const string body = """
            {"id":"evt_2","type":"transaction.declined","created_at":"2026-04-01T14:22:13Z","environment":"sandbox",
             "data":{"transaction_id":"TX8A3F2C","recurring_id":"RC9F4A2B","future_transaction_id":"FT3D8E1C","attempt_number":3,
                     "merchant_transaction_id":"order-1","status":{"status":"DECLINED","reasonCode":"PAYER_ACCOUNT.INSUFFICIENT_FUNDS"}}}
            """;

        WebhookEvent webhook = Verifier.Verify(Bytes(body), $"t={VectorTimestamp},v1={Sign(Secret, VectorTimestamp, body)}", Secret);

        Assert.Equal(("RC9F4A2B", "FT3D8E1C", "order-1"), (webhook.RecurringId, webhook.FutureTransactionId, webhook.MerchantTransactionId));
        Assert.Equal(("DECLINED", "PAYER_ACCOUNT.INSUFFICIENT_FUNDS", 3), (webhook.Status, webhook.ReasonCode, webhook.AttemptNumber));
        Assert.Equal("sandbox", webhook.Environment);
    }

    [Theory]
    [InlineData("2026-04-01T14:22:13Z")]
    [InlineData("2026-04-01T14:22:13.000Z")]
    [InlineData("2026-04-01T16:22:13+02:00")]
    [InlineData("2026-04-01T14:22:13")]
    public void Created_at_is_the_same_instant_in_every_iso_form_and_utc_without_an_offset(string createdAt)
    {
        string body = $$"""{"id":"evt_4","type":"transaction.approved","created_at":"{{createdAt}}"}""";

        WebhookEvent webhook = Verifier.Verify(Bytes(body), $"t={VectorTimestamp},v1={Sign(Secret, VectorTimestamp, body)}", Secret);

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 14, 22, 13, TimeSpan.Zero), webhook.CreatedAt);
    }

    [Fact]
    public void Data_is_the_object_sent_and_copies_of_the_event_share_it()
    {
        const string data = """{"transaction_id":"TX8A3F2C","amount":49.99,"notes":"a \"quoted\" note"}""";
        const string body = """{"id":"evt_5","type":"transaction.approved","data":""" + data + ""","created_at":"2026-04-01T14:22:13Z"}""";

        WebhookEvent webhook = Verifier.Verify(Bytes(body), $"t={VectorTimestamp},v1={Sign(Secret, VectorTimestamp, body)}", Secret);
        WebhookEvent copy = webhook with { };

        Assert.Equal(webhook, copy);
        Assert.Equal(data, webhook.Data.GetRawText());
        Assert.Equal(webhook, copy);
        Assert.Equal(49.99m, copy.Data.GetProperty("amount").GetDecimal());
        Assert.Equal("TX8A3F2C", copy.TransactionId);
    }

    [Fact]
    public void An_event_without_data_has_undefined_data_and_no_fields()
    {
        const string body = """{"id":"evt_6","type":"transaction.approved","created_at":"2026-04-01T14:22:13Z"}""";

        WebhookEvent webhook = Verifier.Verify(Bytes(body), $"t={VectorTimestamp},v1={Sign(Secret, VectorTimestamp, body)}", Secret);

        Assert.Equal(System.Text.Json.JsonValueKind.Undefined, webhook.Data.ValueKind);
        Assert.Null(webhook.TransactionId);
    }

    [Fact]
    public void An_event_built_in_code_reads_the_data_it_was_given()
    {
        var built = new WebhookEvent("evt_7", "transaction.approved", DateTimeOffset.UnixEpoch, Json("""{"transaction_id":"TX000001"}"""), null);
        WebhookEvent replaced = built with { Data = Json("""{"transaction_id":"TX000002"}""") };

        Assert.Equal(("TX000001", "TX000002"), (built.TransactionId, replaced.TransactionId));
        Assert.Equal(built, new WebhookEvent(built.Id, built.Type, built.CreatedAt, built.Data, null));
        Assert.NotEqual(built, replaced);
    }

    [Fact]
    public void A_flat_reason_code_is_read_when_there_is_no_status_object()
    {
        const string body = """{"id":"evt_3","type":"transaction.declined","created_at":"2026-04-01T14:22:13Z","data":{"reason_code":"DO_NOT_HONOR"}}""";

        WebhookEvent webhook = Verifier.Verify(Bytes(body), $"t={VectorTimestamp},v1={Sign(Secret, VectorTimestamp, body)}", Secret);

        Assert.Equal("DO_NOT_HONOR", webhook.ReasonCode);
        Assert.Null(webhook.Status);
    }

    [Fact]
    public void Secrets_alternating_on_one_thread_each_verify_only_their_own_signatures()
    {
        string other = Sign("other_secret", VectorTimestamp, VectorBody);
        string header = $"t={VectorTimestamp},v1={VectorSignature}";

        Assert.Equal("evt_8A3F2C1D", Verifier.Verify(Bytes(VectorBody), header, Secret).Id);
        Assert.Equal("evt_8A3F2C1D", Verifier.Verify(Bytes(VectorBody), $"t={VectorTimestamp},v1={other}", "other_secret").Id);
        AssertRejected(SignatureFailureReason.SignatureMismatch, VectorBody, $"t={VectorTimestamp},v1={other}");
        Assert.Throws<SignatureVerificationException>(() => Verifier.Verify(Bytes(VectorBody), header, "other_secret"));
        Assert.Equal("evt_8A3F2C1D", Verifier.Verify(Bytes(VectorBody), header, Secret).Id);
    }

    [Fact]
    public void Concurrent_verifications_with_different_secrets_and_bodies_do_not_interfere()
    {
        WebhookVerifier verifier = Verifier;
        string[] secrets = ["secret_a", "secret_b", "secret_c"];
        bool[] outcomes = new bool[3000];

        Parallel.For(0, outcomes.Length, i =>
        {
            string body = VectorBody.Replace("TX8A3F2C", $"TX{i:D6}", StringComparison.Ordinal);
            string secret = secrets[i % secrets.Length];
            string signedWith = secrets[(i / secrets.Length) % secrets.Length];
            string header = $"t={VectorTimestamp},v1={Sign(signedWith, VectorTimestamp, body)}";
            try
            {
                outcomes[i] = verifier.Verify(Bytes(body), header, secret).TransactionId == $"TX{i:D6}";
            }
            catch (SignatureVerificationException failure) when (failure.Reason == SignatureFailureReason.SignatureMismatch)
            {
                outcomes[i] = false;
            }
        });

        Assert.All(Enumerable.Range(0, outcomes.Length), i =>
            Assert.Equal(secrets[i % secrets.Length] == secrets[(i / secrets.Length) % secrets.Length], outcomes[i]));
    }

    [Fact]
    public void A_failure_message_never_contains_the_secret()
    {
        SignatureVerificationException failure = Assert.Throws<SignatureVerificationException>(
            () => Verifier.Verify(Bytes(VectorBody), $"t={VectorTimestamp},v1={Sign("x", VectorTimestamp, VectorBody)}", Secret));

        Assert.DoesNotContain(Secret, failure.ToString(), StringComparison.Ordinal);
    }

    private void AssertRejected(SignatureFailureReason expected, string body, string? header)
    {
        SignatureVerificationException failure = Assert.Throws<SignatureVerificationException>(() => Verifier.Verify(Bytes(body), header, Secret));
        Assert.Equal(expected, failure.Reason);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static System.Text.Json.JsonElement Json(string json) => System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(json);

    private static string Sign(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
