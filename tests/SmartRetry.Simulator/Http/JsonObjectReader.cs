using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartRetry.Simulator.Http;

/// <summary>
/// Reads one JSON object of a request field by field, the way SmartRetry validates: every failure is a 400 naming the
/// field by its dotted path. <c>null</c> counts as absent.
/// </summary>
internal readonly struct JsonObjectReader(JsonElement element, string path)
{
    public static async Task<JsonObjectReader> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiProblemException.Invalid("body", "the request body must be a JSON object");
            }

            return new JsonObjectReader(document.RootElement.Clone(), string.Empty);
        }
        catch (JsonException)
        {
            throw ApiProblemException.Invalid("body", "the request body is not valid JSON");
        }
    }

    public bool Has(string name) => TryGet(name, out _);

    public bool? Boolean(string name) => !TryGet(name, out JsonElement value)
        ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be true or false");

    public string? String(string name, bool required = false, int maxLength = int.MaxValue, int? exactLength = null, Regex? pattern = null)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return required ? throw ApiProblemException.Missing(FieldOf(name)) : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be a string");
        }

        string text = value.GetString()!;
        if (required && text.Length == 0)
        {
            throw ApiProblemException.Missing(FieldOf(name));
        }

        if (exactLength is int exact && text.Length != exact)
        {
            throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be exactly {exact} characters");
        }

        if (text.Length > maxLength)
        {
            throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be at most {maxLength} characters");
        }

        if (pattern is not null && !pattern.IsMatch(text))
        {
            throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} has an invalid format");
        }

        return text;
    }

    public string? OneOf(string name, IReadOnlyCollection<string> allowed, bool required = false)
    {
        string? text = String(name, required);
        if (text is not null && !allowed.Contains(text))
        {
            throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be one of {string.Join(", ", allowed)}");
        }

        return text;
    }

    public int? Integer(string name, int min, int max, bool required = false)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return required ? throw ApiProblemException.Missing(FieldOf(name)) : null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
        {
            throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be an integer");
        }

        if (number < min || number > max)
        {
            throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be between {min} and {max}");
        }

        return number;
    }

    /// <summary>An amount in major units, 1..999999999 (§1.4), as a JSON number.</summary>
    public decimal? Amount(string name, bool required = false)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return required ? throw ApiProblemException.Missing(FieldOf(name)) : null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out decimal amount))
        {
            throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be a number in major units", "INVALID_AMOUNT");
        }

        return amount switch
        {
            < 1 => throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be at least 1", "INVALID_AMOUNT"),
            > 999_999_999 => throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be at most 999999999", "INVALID_AMOUNT"),
            _ => amount,
        };
    }

    public string? Currency(string name, bool required = false)
    {
        string? code = String(name, required);
        if (code is not null && !Currencies.Supported.Contains(code))
        {
            throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} '{code}' is not a supported currency", "INVALID_CURRENCY");
        }

        return code;
    }

    public DateOnly? Date(string name, bool required = false)
    {
        string? text = String(name, required);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be a date in the form YYYY-MM-DD");
    }

    public JsonObjectReader? Object(string name, bool required = false)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return required ? throw ApiProblemException.Missing(FieldOf(name)) : null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? new JsonObjectReader(value, FieldOf(name))
            : throw ApiProblemException.Invalid(FieldOf(name), $"{FieldOf(name)} must be an object");
    }

    public string FieldOf(string name) => path.Length == 0 ? name : $"{path}.{name}";

    private bool TryGet(string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
}
