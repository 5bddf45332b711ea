using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartRetry.EndToEnd.Resilience;

/// <summary>One malformed request: what it is, where it goes and the exact bytes and headers it sends.</summary>
/// <param name="MerchantKey">The merchant id (sale) or series reference it carries, if any: no payment may exist under it afterwards.</param>
public sealed record BadRequest(string Label, HttpMethod Method, string Path, byte[]? Body, string? ContentType, IReadOnlyDictionary<string, string> Headers, string? MerchantKey = null, bool IsSeries = false)
{
    public override string ToString() => $"{Method} {Path}: {Label}";
}

/// <summary>
/// Generates malformed requests for every route that takes a body, and for the webhook: each required field missing
/// in turn, each field of the wrong type, each field given twice, numbers given as strings and out of range, enums as
/// numbers, deep nesting, bodies that are not JSON, not UTF-8 or too large, and every other content type. Every
/// request would have started or changed something had it been taken.
/// </summary>
public sealed class BadInputCorpus(string runId, string approvedSaleId, string seriesId, string webhookSecret)
{
    private readonly List<BadRequest> requests = [];
    private int sequence;

    public IReadOnlyList<BadRequest> Build()
    {
        Sales();
        Series();
        Refunds();
        SaleCancellation();
        AmountUpdate();
        FutureTransactionUpdate();
        BodilessCommands();
        Webhooks();
        return requests;
    }

    private string NextKey(string kind) => $"{runId}-{kind}-{++sequence}";

    private void Sales()
    {
        string[] required = ["/merchant_transaction_id", "/amount", "/currency", "/card", "/card/number", "/card/expiry_month", "/card/expiry_year", "/payer", "/payer/first_name", "/payer/last_name", "/payer/email"];
        string[] leaves = [.. required.Where(p => p is not "/card" and not "/payer"), "/card/cvv", "/card/holder_name", "/description", "/merchant_order_id"];
        Corpus(
            "payments/sale",
            key => JsonNode.Parse($$"""
                {"merchant_transaction_id":"{{key}}","amount":10.00,"currency":"USD",
                 "card":{"number":"4111111111111111","expiry_month":12,"expiry_year":2030,"cvv":"123","holder_name":"Jane Doe"},
                 "payer":{"first_name":"Jane","last_name":"Doe","email":"jane.doe@example.com"},
                 "description":"Order 1","merchant_order_id":"ord-1"}
                """)!.AsObject(),
            required,
            leaves,
            "merchant_transaction_id",
            isSeries: false,
            numbers: [("/amount", ["1e400", "-5", "0", "0.000000001", "10.001", "1000000000000", "79228162514264337593543950336", "\"10.00\"", "\"1e1\""]),
                      ("/card/expiry_month", ["\"12\"", "13", "0", "12.5", "1e3"]),
                      ("/card/expiry_year", ["\"2030\"", "1999", "99999999999"])]);

        foreach (string scheduledAt in new[] { "\"2030-01-01T09:00:00\"", "\"2001-01-01T09:00:00Z\"", "1764579600", "\"next tuesday\"" })
        {
            string key = NextKey("sale");
            Add($"scheduled_at = {scheduledAt}", HttpMethod.Post, "payments/sale", Json($$"""
                {"merchant_transaction_id":"{{key}}","amount":10.00,"currency":"USD","scheduled_at":{{scheduledAt}},
                 "card":{"number":"4111111111111111","expiry_month":12,"expiry_year":2030,"holder_name":"Jane Doe"},
                 "payer":{"first_name":"Jane","last_name":"Doe","email":"jane.doe@example.com"} }
                """), key);
        }

        string misspelt = NextKey("sale");
        Add("a misspelt field (sheduled_at)", HttpMethod.Post, "payments/sale", Json($$"""
            {"merchant_transaction_id":"{{misspelt}}","amount":10.00,"currency":"USD","sheduled_at":"2030-01-01T09:00:00Z",
             "card":{"number":"4111111111111111","expiry_month":12,"expiry_year":2030},"payer":{"first_name":"Jane","last_name":"Doe","email":"jane@example.com"} }
            """), misspelt);
    }

    private void Series()
    {
        string[] required = ["/series_reference", "/amount", "/currency", "/card", "/card/number", "/card/expiry_month", "/card/expiry_year", "/payer", "/payer/first_name", "/payer/last_name", "/payer/email", "/recurring", "/recurring/managed_by", "/recurring/first_payment_date", "/recurring/recurring_date_type", "/recurring/time_interval"];
        string[] leaves = [.. required.Where(p => p is not "/card" and not "/payer" and not "/recurring"), "/recurring/number_of_payments"];
        Corpus(
            "recurring",
            key => JsonNode.Parse($$"""
                {"series_reference":"{{key}}","amount":19.99,"currency":"USD",
                 "card":{"number":"4111111111111111","expiry_month":12,"expiry_year":2030,"cvv":"123"},
                 "payer":{"first_name":"Jane","last_name":"Doe","email":"jane@example.com"},
                 "recurring":{"managed_by":"merchant","first_payment_date":"{{DateTime.UtcNow.AddDays(30):yyyy-MM-dd}}","recurring_date_type":"monthly","time_interval":1,"number_of_payments":12} }
                """)!.AsObject(),
            required,
            leaves,
            "series_reference",
            isSeries: true,
            numbers: [("/amount", ["1e400", "-1", "\"19.99\"", "0.001"]),
                      ("/recurring/managed_by", ["1", "99", "123", "\"1\"", "0"]),
                      ("/recurring/recurring_date_type", ["2", "\"fortnightly\""]),
                      ("/recurring/time_interval", ["\"1\"", "0", "1e9", "1.5"]),
                      ("/recurring/first_payment_date", ["\"2026-13-45\"", "20261201", "\"yesterday\""])]);
    }

    private void Refunds()
    {
        string path = $"payments/{approvedSaleId}/refund";
        JsonObject Base(string key) => JsonNode.Parse($$"""{"refund_id":"{{key}}","amount":1.00,"reason":"Damaged"}""")!.AsObject();
        Corpus(path, Base, ["/refund_id"], ["/refund_id", "/amount", "/reason"], merchantKeyField: null, isSeries: false,
            numbers: [("/amount", ["\"1.00\"", "-1", "1e400", "0", "1.001", "100000"])]);
    }

    private void SaleCancellation()
    {
        // The body is optional; when it is sent it must be a well-formed {"reason": "..."}.
        string path = $"payments/{approvedSaleId}/cancel";
        foreach ((string label, string json) in new[]
                 {
                     ("reason as a number", """{"reason":42}"""),
                     ("reason as an object", """{"reason":{"text":"x"}}"""),
                     ("reason given twice", """{"reason":"a","reason":"b"}"""),
                     ("an unknown field", """{"why":"x"}"""),
                     ("an array", "[]"),
                     ("broken JSON", """{"reason":"""),
                 })
        {
            Add(label, HttpMethod.Post, path, Json(json));
        }

        NotJson(HttpMethod.Post, path);
        WrongContentTypes(HttpMethod.Post, path, """{"reason":"changed my mind"}""", merchantKey: null);
    }

    private void AmountUpdate()
    {
        string path = $"recurring/{seriesId}";
        foreach ((string label, string json) in new[]
                 {
                     ("no amount", "{}"), ("amount as a string", """{"amount":"24.99"}"""), ("amount given twice", """{"amount":24.99,"amount":1}"""),
                     ("amount too large", """{"amount":1e400}"""), ("amount negative", """{"amount":-3}"""), ("amount null", """{"amount":null}"""),
                     ("an unknown field", """{"amount":24.99,"currency":"EUR"}"""), ("amount as an array", """{"amount":[24.99]}"""),
                 })
        {
            Add(label, new HttpMethod("PATCH"), path, Json(json));
        }

        NotJson(new HttpMethod("PATCH"), path);
        WrongContentTypes(new HttpMethod("PATCH"), path, """{"amount":24.99}""", merchantKey: null);
    }

    private void FutureTransactionUpdate()
    {
        string path = $"recurring/{seriesId}/future-transactions/FT000001";
        foreach ((string label, string json) in new[]
                 {
                     ("amount as a string", """{"amount":"15.00"}"""), ("amount given twice", """{"amount":15,"amount":1}"""),
                     ("scheduled_date malformed", """{"scheduled_date":"2027-02-30"}"""), ("scheduled_date as a number", """{"scheduled_date":20270115}"""),
                     ("an unknown field", """{"when":"soon"}"""),
                 })
        {
            Add(label, new HttpMethod("PATCH"), path, Json(json));
        }

        NotJson(new HttpMethod("PATCH"), path);
        WrongContentTypes(new HttpMethod("PATCH"), path, """{"amount":15.00}""", merchantKey: null);
    }

    private void BodilessCommands()
    {
        // Routes that take no body, aimed at a series that does not exist: a body they ignore must still be JSON.
        string missing = $"recurring/rs-{new string('0', 32)}";
        foreach (string command in new[] { "pause", "resume", "cancel" })
        {
            Add($"{command} with a form body", HttpMethod.Post, $"{missing}/{command}", Encoding.UTF8.GetBytes("a=1&b=2"), contentType: "application/x-www-form-urlencoded");
            Add($"{command} with broken JSON", HttpMethod.Post, $"{missing}/{command}", Encoding.UTF8.GetBytes("{"));
        }

        foreach (string command in new[] { "charge", "cancel" })
        {
            Add($"future transaction {command} with text", HttpMethod.Post, $"{missing}/future-transactions/FT000001/{command}", Encoding.UTF8.GetBytes("now"), contentType: "text/plain");
        }
    }

    private void Webhooks()
    {
        const string path = "webhooks/smartretry";
        string Event(string id, string type = "transaction.approved", string data = """{"transaction_id":"TXCORPUS1"}""") =>
            $$"""{"id":"{{id}}","type":"{{type}}","created_at":"2026-12-04T09:00:00Z","data":{{data}}}""";

        string id = NextKey("evt");
        foreach ((string label, byte[] body) in new (string, byte[])[]
                 {
                     ("id given twice", Encoding.UTF8.GetBytes($$"""{"id":"{{id}}-a","id":"{{id}}-b","type":"transaction.approved","created_at":"2026-12-04T09:00:00Z","data":{} }""")),
                     ("transaction_id given twice", Encoding.UTF8.GetBytes(Event(NextKey("evt"), data: """{"transaction_id":"TX1","transaction_id":"TX2"}"""))),
                     ("status given twice", Encoding.UTF8.GetBytes(Event(NextKey("evt"), data: """{"transaction_id":"TX1","status":{"status":"DECLINED","status":"APPROVED"}}"""))),
                     ("a lone surrogate in the id", Encoding.UTF8.GetBytes(Event(NextKey("evt") + "\\ud800"))),
                     ("a lone surrogate in the type", Encoding.UTF8.GetBytes(Event(NextKey("evt"), type: "transaction.\\udc00"))),
                     ("a lone surrogate in the transaction id", Encoding.UTF8.GetBytes(Event(NextKey("evt"), data: """{"transaction_id":"TX\ud83d"}"""))),
                     ("invalid UTF-8 in the id", [.. Encoding.UTF8.GetBytes("{\"id\":\"evt_"), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\",\"type\":\"transaction.approved\",\"created_at\":\"2026-12-04T09:00:00Z\"}")]),
                     ("invalid UTF-8 in the data", [.. Encoding.UTF8.GetBytes(Event(NextKey("evt"), data: "{\"note\":\"")[..^1]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}}")]),
                     ("an id of 300 characters", Encoding.UTF8.GetBytes(Event(new string('e', 300)))),
                     ("an id of 250 KiB", Encoding.UTF8.GetBytes(Event(new string('e', 250 * 1024)))),
                     ("a control character in the type", Encoding.UTF8.GetBytes(Event(NextKey("evt"), type: "transaction.\\u0001approved"))),
                     ("data nested 5000 deep", Encoding.UTF8.GetBytes(Event(NextKey("evt"), data: new string('[', 5000) + new string(']', 5000)))),
                     ("a body just under 256 KiB", Encoding.UTF8.GetBytes(Event(NextKey("evt"), data: $$"""{"transaction_id":"TX1","padding":"{{new string('x', (256 * 1024) - 200)}}","padding":"y"}"""))),
                     ("the id as a number", Encoding.UTF8.GetBytes("""{"id":7,"type":"transaction.approved","created_at":"2026-12-04T09:00:00Z"}""")),
                     ("created_at as a number", Encoding.UTF8.GetBytes($$"""{"id":"{{NextKey("evt")}}","type":"transaction.approved","created_at":1764838800}""")),
                     ("no created_at", Encoding.UTF8.GetBytes($$"""{"id":"{{NextKey("evt")}}","type":"transaction.approved"}""")),
                     ("no type", Encoding.UTF8.GetBytes($$"""{"id":"{{NextKey("evt")}}","created_at":"2026-12-04T09:00:00Z"}""")),
                     ("no id", Encoding.UTF8.GetBytes("""{"type":"transaction.approved","created_at":"2026-12-04T09:00:00Z"}""")),
                     ("not JSON", Encoding.UTF8.GetBytes("transaction approved")),
                     ("an array", Encoding.UTF8.GetBytes("[]")),
                     ("trailing content", Encoding.UTF8.GetBytes(Event(NextKey("evt")) + "{}")),
                     ("an empty body", []),
                 })
        {
            Add($"signed: {label}", HttpMethod.Post, path, body, headers: Signed(body));
        }

        byte[] valid = Encoding.UTF8.GetBytes(Event(NextKey("evt")));
        byte[] tooLarge = Encoding.UTF8.GetBytes(Event(NextKey("evt"), data: $$"""{"padding":"{{new string('x', (256 * 1024) + 10)}}"}"""));
        Add("signed: a body over 256 KiB", HttpMethod.Post, path, tooLarge, headers: Signed(tooLarge));
        Add("no signature", HttpMethod.Post, path, valid);
        Add("a forged signature", HttpMethod.Post, path, valid, headers: new Dictionary<string, string> { ["X-SmartRetry-Signature"] = $"t={Now()},v1={new string('0', 64)}" });
        Add("a signature an hour old", HttpMethod.Post, path, valid, headers: Signed(valid, DateTimeOffset.UtcNow.AddHours(-1)));
        Add("a signature for another body", HttpMethod.Post, path, valid, headers: Signed(Encoding.UTF8.GetBytes(Event("evt_other"))));
        Add("signed, as text/plain", HttpMethod.Post, path, valid, contentType: "text/plain", headers: Signed(valid));
        Add("signed, without a content type", HttpMethod.Post, path, valid, contentType: null, headers: Signed(valid));
    }

    /// <summary>The families every JSON route gets: each required field missing, each field of the wrong type or given twice, numbers out of range or as strings, deep nesting, bad text, not JSON, other content types.</summary>
    private void Corpus(
        string path,
        Func<string, JsonObject> valid,
        string[] required,
        string[] leaves,
        string? merchantKeyField,
        bool isSeries,
        (string Path, string[] Values)[] numbers)
    {
        string kind = merchantKeyField is null ? "refund" : isSeries ? "series" : "sale";
        (JsonObject Body, string Key) Fresh()
        {
            string key = NextKey(kind);
            return (valid(key), key);
        }

        foreach (string field in required)
        {
            (JsonObject body, string key) = Fresh();
            Remove(body, field);
            Add($"{field} missing", HttpMethod.Post, path, Json(body.ToJsonString()), MerchantKeyOf(merchantKeyField, key, field), isSeries);
        }

        foreach (string field in leaves)
        {
            // null is a wrong type only where the field is required: an optional field given as null is an optional field left out.
            foreach (string wrong in WrongTypes(Get(Fresh().Body, field)).Where(w => w != "null" || required.Contains(field)))
            {
                (JsonObject body, string key) = Fresh();
                Set(body, field, JsonNode.Parse(wrong));
                Add($"{field} = {wrong}", HttpMethod.Post, path, Json(body.ToJsonString()), MerchantKeyOf(merchantKeyField, key, field), isSeries);
            }

            (JsonObject twice, string twiceKey) = Fresh();
            Add($"{field} given twice", HttpMethod.Post, path, Json(WithDuplicate(twice, field)), twiceKey, isSeries);
        }

        foreach ((string field, string[] values) in numbers)
        {
            foreach (string value in values)
            {
                // Written as raw JSON text, so a number JsonNode could not hold (1e400) goes out as sent.
                (JsonObject body, string key) = Fresh();
                Set(body, field, JsonValue.Create("__value__"));
                Add($"{field} = {value}", HttpMethod.Post, path, Json(body.ToJsonString().Replace("\"__value__\"", value, StringComparison.Ordinal)), key, isSeries);
            }
        }

        (JsonObject deep, string deepKey) = Fresh();
        Add("a field nested 1000 deep", HttpMethod.Post, path, Json(deep.ToJsonString()[..^1] + ",\"deep\":" + new string('[', 1000) + new string(']', 1000) + "}"), deepKey, isSeries);

        (JsonObject large, string largeKey) = Fresh();
        large[merchantKeyField ?? "reason"] = JsonValue.Create(new string('k', 200 * 1024));
        Add("a 200 KiB field", HttpMethod.Post, path, Json(large.ToJsonString()), merchantKeyField is null ? null : largeKey, isSeries);

        (JsonObject over, string overKey) = Fresh();
        over["padding"] = JsonValue.Create(new string('p', 300 * 1024));
        Add("a body over 256 KiB", HttpMethod.Post, path, Json(over.ToJsonString()), overKey, isSeries);

        (JsonObject surrogate, string surrogateKey) = Fresh();
        Add("a lone surrogate in a string", HttpMethod.Post, path, Json(surrogate.ToJsonString().Replace("\"USD\"", "\"US\\ud800\"", StringComparison.Ordinal).Replace("\"Damaged\"", "\"Dam\\udc00\"", StringComparison.Ordinal)), surrogateKey, isSeries);

        (JsonObject badUtf8, string badUtf8Key) = Fresh();
        string text8 = badUtf8.ToJsonString();
        int at = text8.IndexOf("\"D", StringComparison.Ordinal) is var d and >= 0 ? d + 1 : text8.IndexOf(':', StringComparison.Ordinal) + 2;
        Add("invalid UTF-8 in a string", HttpMethod.Post, path, [.. Encoding.UTF8.GetBytes(text8[..at]), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(text8[at..])], badUtf8Key, isSeries);

        NotJson(HttpMethod.Post, path);
        (JsonObject typed, string typedKey) = Fresh();
        WrongContentTypes(HttpMethod.Post, path, typed.ToJsonString(), merchantKeyField is null ? null : typedKey, isSeries);
    }

    private void NotJson(HttpMethod method, string path)
    {
        foreach ((string label, string body) in new[] { ("an empty body", ""), ("null", "null"), ("an array", "[1,2]"), ("a string", "\"sale\""), ("a number", "42"), ("broken JSON", "{\"amount\":"), ("NaN", "{\"amount\":NaN}"), ("single quotes", "{'amount':1}"), ("a comment", "{/* x */}") })
        {
            Add(label, method, path, Json(body));
        }
    }

    private void WrongContentTypes(HttpMethod method, string path, string validJson, string? merchantKey, bool isSeries = false)
    {
        foreach (string? contentType in new[] { null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1", "multipart/form-data; boundary=x" })
        {
            Add($"a valid body as {contentType ?? "no content type"}", method, path, Encoding.UTF8.GetBytes(validJson), merchantKey, isSeries, contentType);
        }
    }

    private static string? MerchantKeyOf(string? merchantKeyField, string key, string field) =>
        merchantKeyField is null || field == "/" + merchantKeyField ? null : key;

    private static IEnumerable<string> WrongTypes(JsonNode? current) => current?.GetValueKind() switch
    {
        JsonValueKind.String => ["42", "true", "{\"a\":1}", "[\"x\"]", "null"],
        JsonValueKind.Number => ["\"abc\"", "true", "{\"a\":1}", "[1]", "null"],
        _ => ["\"abc\"", "42"],
    };

    private static JsonNode? Get(JsonObject body, string pointer)
    {
        JsonNode? node = body;
        foreach (string part in pointer.Trim('/').Split('/'))
        {
            node = node?[part];
        }

        return node;
    }

    private static void Set(JsonObject body, string pointer, JsonNode? value)
    {
        string[] parts = pointer.Trim('/').Split('/');
        JsonObject parent = parts[..^1].Aggregate(body, (node, part) => node[part]!.AsObject());
        parent[parts[^1]] = value;
    }

    private static void Remove(JsonObject body, string pointer)
    {
        string[] parts = pointer.Trim('/').Split('/');
        JsonObject parent = parts[..^1].Aggregate(body, (node, part) => node[part]!.AsObject());
        parent.Remove(parts[^1]);
    }

    /// <summary>The body with the field at <paramref name="pointer"/> written twice: first a different value of its type, then the valid one.</summary>
    private static string WithDuplicate(JsonObject body, string pointer)
    {
        string[] parts = pointer.Trim('/').Split('/');
        JsonObject parent = parts[..^1].Aggregate(body, (node, part) => node[part]!.AsObject());
        JsonNode? value = parent[parts[^1]];
        string other = value?.GetValueKind() == JsonValueKind.Number ? "99999" : "\"other\"";
        string marker = $"\"__dup__{Guid.NewGuid():N}\"";
        parent[parts[^1]] = JsonValue.Create(marker.Trim('"'));
        return body.ToJsonString().Replace(marker, $"{other},\"{parts[^1]}\":{value?.ToJsonString() ?? "null"}", StringComparison.Ordinal);
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    private void Add(
        string label, HttpMethod method, string path, byte[] body, string? merchantKey = null, bool isSeries = false,
        string? contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null) =>
        requests.Add(new BadRequest(label, method, path, body, contentType, headers ?? new Dictionary<string, string>(), merchantKey, isSeries));

    private Dictionary<string, string> Signed(byte[] body, DateTimeOffset? at = null)
    {
        string t = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] signed = [.. Encoding.ASCII.GetBytes(t + "."), .. body];
        byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhookSecret), signed);
        return new Dictionary<string, string> { ["X-SmartRetry-Signature"] = $"t={t},v1={Convert.ToHexStringLower(mac)}" };
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
