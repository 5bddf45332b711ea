using System.Globalization;
using SmartRetry.Client.Models;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Refunds;

/// <summary>
/// Checks a refund request, collecting every problem keyed by the field's JSON pointer: first on its own, then against
/// the original payment (its currency's decimals, its merchant transaction id). Messages describe the rule, never the
/// value sent.
/// </summary>
public static class RefundRequestValidator
{
    public const int MaxRefundIdLength = 100;
    public const int MaxReasonLength = 200;

    /// <summary>The request's fields checked on their own; null with <paramref name="errors"/> naming each bad field.</summary>
    public static ValidatedRefund? Validate(PaymentRefundRequest request, out IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.RefundId))
        {
            found["/refund_id"] = ["Required: your id for this refund (repeat it to repeat the request safely)."];
        }
        else if (request.RefundId.Length > MaxRefundIdLength || request.RefundId.Any(char.IsControl))
        {
            found["/refund_id"] = [$"At most {MaxRefundIdLength} characters, without control characters."];
        }

        if (request.Amount is { } amount && amount is < SmartRetryCurrencies.MinimumAmount or > SmartRetryCurrencies.MaximumAmount)
        {
            found["/amount"] = [$"Must be between {SmartRetryCurrencies.MinimumAmount} and {SmartRetryCurrencies.MaximumAmount.ToString(CultureInfo.InvariantCulture)} (SmartRetry's limits); omit it to refund all that is left."];
        }

        if (request.Reason is { } reason && (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength || reason.Any(char.IsControl)))
        {
            found["/reason"] = [$"At most {MaxReasonLength} characters, not blank, without control characters; or omit it."];
        }

        errors = found;
        return found.Count > 0 ? null : new ValidatedRefund(request.RefundId!, request.Amount, request.Reason);
    }

    /// <summary>What the refund must respect of its original; null when it does, otherwise the errors by pointer.</summary>
    public static IReadOnlyDictionary<string, string[]>? CheckAgainst(ValidatedRefund refund, PaymentLedgerEntry original)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(original);
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.Equals(refund.RefundId, original.MerchantTransactionId, StringComparison.Ordinal))
        {
            found["/refund_id"] = ["Must differ from the original payment's merchant_transaction_id (SmartRetry requires it)."];
        }

        if (refund.Amount is { } amount && SmartRetryCurrencies.TryGetExponent(original.Currency, out int exponent) && decimal.Round(amount, exponent) != amount)
        {
            found["/amount"] = [$"{original.Currency} allows at most {exponent} decimal place{(exponent == 1 ? "" : "s")}."];
        }

        return found.Count > 0 ? found : null;
    }
}
