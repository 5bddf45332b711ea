using System.Text.Json.Serialization;
using SmartRetry.Client.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>How the payer pays (<c>payment_method</c>).</summary>
[JsonConverter(typeof(TolerantEnumConverter<PaymentMethod>))]
public enum PaymentMethod
{
    /// <summary>A value this client version does not know.</summary>
    Unrecognized = 0,
    Cards,
    DigitalWallets,
    Bnpl,
    OnlineBanking,
    Rtp,
    Vouchers,
    Cash,
    DirectDebit,
    Cryptocurrencies,
}
