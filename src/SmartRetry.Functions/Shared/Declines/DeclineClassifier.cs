using System.Collections.Frozen;
using System.Text.Json;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Shared.Declines;

/// <summary>
/// Classifies SmartRetry decline codes from a data table (<c>Declines/decline-codes.json</c>, built from
/// https://www.smartretry.com/docs/concepts/decline-codes). Reads both <c>DOMAIN.REASON</c> and bare codes, and the draft
/// <c>DOMAIN/REASON/DETAIL</c> form. A code missing from the table is never retried: a card-side domain
/// (<c>PAYER_ACCOUNT</c>, <c>PAYMENT_METHOD</c>) makes it hard, anything else do-not-retry. Retrying an unknown
/// decline risks fees and card-network penalties for little expected gain.
/// </summary>
public sealed class DeclineClassifier
{
    private static readonly FrozenSet<string> CardSideDomains = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "PAYER_ACCOUNT", "PAYMENT_METHOD");

    private readonly FrozenDictionary<string, DeclineCategory> _categories;

    public DeclineClassifier(IReadOnlyDictionary<string, DeclineCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        _categories = categories.ToFrozenDictionary(pair => pair.Key.Trim().ToUpperInvariant(), pair => pair.Value, StringComparer.Ordinal);
    }

    /// <summary>The classifier over the built-in table.</summary>
    public static DeclineClassifier Default { get; } = new(LoadBuiltInTable());

    /// <summary>The codes the table knows.</summary>
    public IReadOnlyCollection<string> KnownReasons => _categories.Keys;

    /// <param name="reasonCode">SmartRetry's <c>reasonCode</c> / <c>reason_code</c>, in any of its forms.</param>
    /// <param name="domain">The status object's <c>domain</c>, used when the code carries none.</param>
    public DeclineClassification Classify(string? reasonCode, string? domain = null)
    {
        (string? codeDomain, string reason) = Split(reasonCode);
        string? effectiveDomain = codeDomain ?? (string.IsNullOrWhiteSpace(domain) ? null : domain.Trim().ToUpperInvariant());
        if (_categories.TryGetValue(reason, out DeclineCategory category))
        {
            return new DeclineClassification(category, reason, effectiveDomain, IsKnownCode: true);
        }

        DeclineCategory fallback = effectiveDomain is not null && CardSideDomains.Contains(effectiveDomain) ? DeclineCategory.Hard : DeclineCategory.DoNotRetry;
        return new DeclineClassification(fallback, reason, effectiveDomain, IsKnownCode: false);
    }

    private static (string? Domain, string Reason) Split(string? reasonCode)
    {
        string code = (reasonCode ?? "").Trim().ToUpperInvariant();
        // Draft slash form: DOMAIN/REASON[/DETAIL].
        string[] slashParts = code.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (slashParts.Length >= 2)
        {
            return (slashParts[0], slashParts[1]);
        }

        int dot = code.LastIndexOf('.');
        return dot > 0 && dot < code.Length - 1 ? (code[..dot], code[(dot + 1)..]) : (null, code.Trim('.'));
    }

    private static Dictionary<string, DeclineCategory> LoadBuiltInTable()
    {
        using Stream stream = typeof(DeclineClassifier).Assembly.GetManifestResourceStream("SmartRetry.Functions.Shared.Declines.decline-codes.json")
            ?? throw new InvalidOperationException("The decline-code table is not embedded in the assembly.");
        TableFile table = JsonSerializer.Deserialize<TableFile>(stream, PaymentsJson.Options)
            ?? throw new InvalidOperationException("The decline-code table is empty.");
        var categories = new Dictionary<string, DeclineCategory>(StringComparer.Ordinal);
        foreach ((DeclineCategory category, string[] codes) in new[] { (DeclineCategory.Soft, table.Soft), (DeclineCategory.Hard, table.Hard), (DeclineCategory.DoNotRetry, table.DoNotRetry) })
        {
            foreach (string code in codes)
            {
                if (!categories.TryAdd(code, category))
                {
                    throw new InvalidOperationException($"Decline code {code} is listed twice in the decline-code table.");
                }
            }
        }

        return categories;
    }

    private sealed record TableFile(string[] Soft, string[] Hard, string[] DoNotRetry);
}
