using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SmartRetry.Client.Webhooks;

/// <summary>
/// The <c>data</c> of a <see cref="WebhookEvent"/>: given as an element, or kept as the JSON sent (checked to be
/// well-formed while verifying) and parsed on first read. Copies of an event share one instance, so they stay equal;
/// events built from the same element are equal, as records over a <see cref="JsonElement"/> were.
/// </summary>
internal sealed class WebhookData
{
    public static readonly WebhookData None = new(default(JsonElement));

    private readonly byte[] json = [];
    private readonly JsonElement? given;
    private StrongBox<JsonElement>? element;

    public WebhookData(JsonElement element)
    {
        given = element;
        this.element = new(element);
    }

    public WebhookData(byte[] json) => this.json = json;

    // Two first reads racing may both parse; either result is the same data, and the box is published whole.
    public JsonElement Element => (element ??= new(Parse(json))).Value;

    public override bool Equals(object? obj) =>
        ReferenceEquals(this, obj) || (obj is WebhookData { given: { } other } && given is { } mine && mine.Equals(other));

    public override int GetHashCode() => given?.GetHashCode() ?? RuntimeHelpers.GetHashCode(this);

    private static JsonElement Parse(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonElement.ParseValue(ref reader);
    }
}
