using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace SmartRetry.Client.Webhooks;

/// <summary>
/// Verifies SmartRetry's <c>X-SmartRetry-Signature</c> exactly as SmartRetry specifies (https://www.smartretry.com/docs/integration/webhooks): HMAC-SHA256 keyed
/// with the UTF-8 secret over <c>t + "." + raw body</c>, lowercase hex, constant-time comparison, and a freshness window
/// applied to old and future timestamps alike. Any <c>v1</c> may match (several are sent while a secret rotates).
/// </summary>
public class WebhookVerifier
{
    public const string SignatureHeaderName = "X-SmartRetry-Signature";

    /// <summary>The longest <c>id</c> or <c>type</c> accepted: SmartRetry's are short (<c>evt_8A3F2C1D</c>, <c>transaction.approved</c>).</summary>
    public const int MaxIdentifierLength = 255;

    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(300);

    private const int MacLength = 32;
    private const int HexMacLength = MacLength * 2;

    private readonly TimeProvider _timeProvider;
    private readonly long _toleranceSeconds;
    private readonly string? _secret;

    public WebhookVerifier(TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
        : this(secret: null, timeProvider, tolerance)
    {
    }

    /// <param name="secret">The webhook secret <see cref="Verify(ReadOnlyMemory{byte}, string?)"/> checks with; null when every call passes its own.</param>
    public WebhookVerifier(string? secret, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
    {
        TimeSpan window = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero, nameof(tolerance));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _toleranceSeconds = (long)window.TotalSeconds;
        _secret = string.IsNullOrEmpty(secret) ? null : secret;
    }

    /// <summary>Verifies the delivery with the configured secret (<see cref="SmartRetryClientOptions.WebhookSecret"/>) and returns its event.</summary>
    /// <exception cref="InvalidOperationException">No secret was configured: pass it to <see cref="Verify(ReadOnlyMemory{byte}, string?, string)"/>.</exception>
    /// <exception cref="SignatureVerificationException">The signature does not hold, is stale, or the body is not a readable event.</exception>
    public virtual WebhookEvent Verify(ReadOnlyMemory<byte> rawBody, string? signatureHeader) =>
        Verify(rawBody, signatureHeader, _secret ?? throw new InvalidOperationException(
            "No webhook secret is configured (SmartRetryClientOptions.WebhookSecret); pass the secret to Verify."));

    /// <summary>Verifies the delivery and returns its event; throws <see cref="SignatureVerificationException"/> saying why not.</summary>
    /// <param name="rawBody">The request body exactly as received, before any JSON parsing.</param>
    /// <param name="signatureHeader">The value of <see cref="SignatureHeaderName"/>, or null when absent.</param>
    /// <param name="secret">The webhook secret from the SmartRetry dashboard.</param>
    public virtual WebhookEvent Verify(ReadOnlyMemory<byte> rawBody, string? signatureHeader, string secret)
    {
        VerifySignature(rawBody.Span, signatureHeader, secret);
        return Parse(rawBody);
    }

    /// <summary>Checks the signature only; throws <see cref="SignatureVerificationException"/> when it does not hold.</summary>
    public void VerifySignature(ReadOnlySpan<byte> rawBody, string? signatureHeader, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            throw Fail(SignatureFailureReason.MissingHeader, $"The {SignatureHeaderName} header is missing.");
        }

        var header = SignatureHeader.Parse(signatureHeader);
        CheckFreshness(header.Timestamp);

        Span<byte> expected = stackalloc byte[MacLength];
        WebhookMac.Compute(secret, header.Timestamp, rawBody, expected);

        bool anyWellFormed = false;
        Span<byte> candidate = stackalloc byte[MacLength];
        foreach (ReadOnlySpan<char> signature in header.Signatures)
        {
            if (!TryDecodeHex(signature, candidate))
            {
                continue;
            }

            anyWellFormed = true;
            if (CryptographicOperations.FixedTimeEquals(expected, candidate))
            {
                return;
            }
        }

        throw anyWellFormed
            ? Fail(SignatureFailureReason.SignatureMismatch, "No v1 signature matches the body: it was altered, or the secret is wrong.")
            : Fail(SignatureFailureReason.MalformedSignature, $"No v1 signature is {HexMacLength} hexadecimal characters.");
    }

    private void CheckFreshness(ReadOnlySpan<char> timestamp)
    {
        if (timestamp.Length is 0 or > 12 || timestamp.ContainsAnyExceptInRange('0', '9')
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long signedAt))
        {
            throw Fail(SignatureFailureReason.InvalidTimestamp, "The signature timestamp t is not a Unix time in seconds.");
        }

        long now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        long age = now - signedAt;
        if (age > _toleranceSeconds)
        {
            throw Fail(SignatureFailureReason.TimestampOutsideTolerance, $"The signature is {age} s old; at most {_toleranceSeconds} s is accepted.");
        }

        if (-age > _toleranceSeconds)
        {
            throw Fail(SignatureFailureReason.TimestampOutsideTolerance, $"The signature is dated {-age} s in the future; at most {_toleranceSeconds} s is accepted.");
        }
    }

    private static bool TryDecodeHex(ReadOnlySpan<char> signature, Span<byte> destination) =>
        signature.Length == HexMacLength
        && Convert.FromHexString(signature, destination, out _, out int written) == OperationStatus.Done
        && written == MacLength;

    // One pass over the body: top-level fields are read as they come and `data` is checked and copied as raw JSON,
    // parsed into a JsonElement only when the event's data is first read. The pass also refuses what a reader of the
    // event could not read without guessing or failing later: a field given twice (which one is meant?) and a string
    // that is not valid UTF-8 or holds a lone surrogate (no .NET string can carry it into a table or a log).
    private static WebhookEvent Parse(ReadOnlyMemory<byte> rawBody)
    {
        try
        {
            var reader = new Utf8JsonReader(rawBody.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Fail(SignatureFailureReason.InvalidPayload, "The webhook body is not a JSON object.");
            }

            string? id = null, type = null, environment = null;
            DateTimeOffset? createdAt = null;
            byte[] data = [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!seen.Add(reader.GetString()!))
                {
                    throw Fail(SignatureFailureReason.InvalidPayload, "The webhook body gives a top-level field twice.");
                }

                if (reader.ValueTextEquals("id"u8))
                {
                    id = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    type = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("created_at"u8))
                {
                    createdAt = ReadTime(ref reader);
                }
                else if (reader.ValueTextEquals("environment"u8))
                {
                    environment = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    int start = (int)reader.TokenStartIndex;
                    SkipChecked(ref reader);
                    data = rawBody.Span[start..(int)reader.BytesConsumed].ToArray();
                }
                else
                {
                    reader.Read();
                    SkipChecked(ref reader);
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new JsonException("Trailing content after the event object.");
            }

            return new WebhookEvent(
                Identifier(id, "id"),
                Identifier(type, "type"),
                createdAt ?? throw Fail(SignatureFailureReason.InvalidPayload, "The webhook field created_at is missing or not a string."),
                data,
                environment);
        }
        catch (JsonException exception)
        {
            throw Fail(SignatureFailureReason.InvalidPayload, "The webhook body is not valid JSON.", exception);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString on invalid UTF-8 or a lone surrogate escape; its message is not echoed.
            throw Fail(SignatureFailureReason.InvalidPayload, "The webhook body holds a string that is not valid Unicode.");
        }
    }

    /// <summary>Skips the value the reader is on, checking every string in it and refusing a field given twice in an object.</summary>
    private static void SkipChecked(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            CheckString(ref reader);
            return;
        }

        int depth = reader.CurrentDepth;
        var objects = new Stack<HashSet<string>?>();
        objects.Push(reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null);
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when objects.Peek() is { } names && !names.Add(reader.GetString()!):
                    throw Fail(SignatureFailureReason.InvalidPayload, "The webhook body gives a field twice in one object.");
                case JsonTokenType.StartObject:
                    objects.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    objects.Push(null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    objects.Pop();
                    break;
                case JsonTokenType.String:
                    CheckString(ref reader);
                    break;
            }
        }
    }

    private static void CheckString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            _ = reader.GetString();
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        // SmartRetry sends UTC ("2026-04-01T14:22:13Z"), which the reader parses in place; other forms take the
        // tolerant path, where a time without an offset is UTC rather than the reader's local time.
        if (!reader.ValueIsEscaped && reader.ValueSpan is [.., (byte)'Z'] && reader.TryGetDateTimeOffset(out DateTimeOffset utc))
        {
            return utc;
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value
            : throw Fail(SignatureFailureReason.InvalidPayload, "The webhook field created_at is not an ISO 8601 time.");
    }

    private static string Identifier(string? value, string name) =>
        string.IsNullOrEmpty(value)
            ? throw Fail(SignatureFailureReason.InvalidPayload, $"The webhook field {name} is missing or not a string.")
            : value.Length > MaxIdentifierLength || value.Any(char.IsControl)
                ? throw Fail(SignatureFailureReason.InvalidPayload, $"The webhook field {name} is longer than {MaxIdentifierLength} characters or holds control characters.")
                : value;

    private static SignatureVerificationException Fail(SignatureFailureReason reason, string message, Exception? inner = null) =>
        new(reason, message, inner);
}
