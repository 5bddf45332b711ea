using System.Text.Json;

namespace SmartRetry.Client.Webhooks;

/// <summary>
/// A verified SmartRetry webhook event (https://www.smartretry.com/docs/integration/webhooks). <see cref="Data"/> is kept whole because its fields
/// vary by type and are only partly documented; the accessors read the ones that are. A verified event holds
/// <c>data</c> as the JSON sent (already checked to be well-formed) and parses it on first use, so verifying and
/// deduplicating a delivery does not pay for a payload it may never read; <c>with</c> copies share that one parse.
/// </summary>
/// <param name="Id">Stable across redeliveries: the deduplication key.</param>
/// <param name="Data">The <c>data</c> object; <see cref="JsonValueKind.Undefined"/> when the event has none.</param>
/// <param name="Environment">"sandbox" for sandbox events; null when absent.</param>
public sealed record WebhookEvent(string Id, string Type, DateTimeOffset CreatedAt, JsonElement Data, string? Environment)
{
    private readonly WebhookData data = Data.ValueKind == JsonValueKind.Undefined ? WebhookData.None : new(Data);

    /// <param name="rawData">The JSON of <c>data</c> exactly as sent, or empty when the event has none.</param>
    internal WebhookEvent(string id, string type, DateTimeOffset createdAt, byte[] rawData, string? environment)
        : this(id, type, createdAt, default(JsonElement), environment)
    {
        data = rawData.Length == 0 ? WebhookData.None : new(rawData);
    }

    public JsonElement Data
    {
        get => data.Element;
        init => data = new(value);
    }

    public string? TransactionId => DataString("transaction_id");

    public string? OrderId => DataString("order_id");

    public string? MerchantTransactionId => DataString("merchant_transaction_id");

    public string? RecurringId => DataString("recurring_id");

    public string? FutureTransactionId => DataString("future_transaction_id");

    /// <summary>The transaction status (<c>APPROVED</c>, <c>PROCESSING</c>, ...) from <c>data.status.status</c>, or <c>data.status</c> when it is a plain string.</summary>
    public string? Status => Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("status", out JsonElement status)
        ? status.ValueKind switch
        {
            JsonValueKind.Object => StringProperty(status, "status"),
            JsonValueKind.String => status.GetString(),
            _ => null,
        }
        : null;

    /// <summary><c>data.status.reasonCode</c>, falling back to <c>data.reason_code</c> (the docs use both).</summary>
    public string? ReasonCode =>
        (Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("status", out JsonElement status) && status.ValueKind == JsonValueKind.Object
            ? StringProperty(status, "reasonCode")
            : null)
        ?? DataString("reason_code");

    public int? AttemptNumber => Data.ValueKind == JsonValueKind.Object
        && Data.TryGetProperty("attempt_number", out JsonElement attempt)
        && attempt.ValueKind == JsonValueKind.Number
        && attempt.TryGetInt32(out int value)
            ? value
            : null;

    private string? DataString(string name) => Data.ValueKind == JsonValueKind.Object ? StringProperty(Data, name) : null;

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
