using SmartRetry.Functions.Shared.Cards;

namespace SmartRetry.Functions.Shared.Gateway;

/// <summary>
/// A sale as the orchestration hands it to the submit activity, and the activity to the gateway. It holds no card (this
/// record lives in orchestration history): the activity opens the card in the vault under <paramref name="PaymentId"/> and
/// passes it to the gateway beside this record. <paramref name="IdempotencyKey"/> is derived by the orchestration, so
/// activity retries repeat it.
/// </summary>
/// <param name="PaymentId">The sale's orchestration instance id and its card's reference: SmartRetry's transaction id is correlated to it.</param>
public sealed record SaleSubmission(
    string PaymentId,
    string IdempotencyKey,
    string MerchantTransactionId,
    decimal Amount,
    string Currency,
    PayerDetails Payer,
    string? Description,
    string? MerchantOrderId)
{
    /// <summary>Only from instances started before the card vault, whose input still carries the sealed card.</summary>
    public SealedCard? Card { get; init; }
}

public sealed record PayerDetails(string FirstName, string LastName, string Email, string? PhoneNumber = null);
