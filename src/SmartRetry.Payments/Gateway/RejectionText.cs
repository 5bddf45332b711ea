using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartRetry.Payments.Gateway;

/// <summary>The wording of a refusal, from fields that cannot hold card data.</summary>
internal static partial class RejectionText
{
    public static string Describe(string? operation, int statusCode, string? reasonCode, string? field) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"SmartRetry refused {operation ?? "the request"}: HTTP {statusCode} {reasonCode ?? "(no reason code)"}{(field is null ? "" : $" on {field}")}.");

    /// <summary>The offending field's JSON path when it is one (a name, never a value such as a card number); else null.</summary>
    public static string? FieldPath(string? field) => field is not null && FieldPathPattern().IsMatch(field) ? field : null;

    [GeneratedRegex(@"^/?[A-Za-z_][A-Za-z_]*(?:[./][A-Za-z_]+|\[\d{1,3}\])*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPathPattern();
}
