using SmartRetry.Functions.Shared.Charges;

namespace SmartRetry.Functions.Tests.Sales;

/// <summary>Sale requests built around one known test card, so tests can search for its number, expiry and CVV.</summary>
internal static class TestSales
{
    public const string CardNumber = "4111111111111111";
    public const int ExpiryMonth = 7;
    public const int ExpiryYear = 2031;
    public const string Cvv = "9731";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 22, 0, 0, TimeSpan.Zero);

    public static ChargeRequest Request(string merchantTransactionId = "order-42") => new()
    {
        MerchantTransactionId = merchantTransactionId,
        Amount = 49.99m,
        Currency = "USD",
        Card = new CardRequest { Number = CardNumber, ExpiryMonth = ExpiryMonth, ExpiryYear = ExpiryYear, Cvv = Cvv, HolderName = "Jane Doe" },
        Payer = new PayerRequest { FirstName = "Jane", LastName = "Doe", Email = "jane.doe@example.com", PhoneNumber = "+12125551234" },
        Description = "Order #42",
        MerchantOrderId = "ord-42",
    };

    /// <summary>Every way the test card's secrets could show up in text.</summary>
    public static readonly string[] Secrets = [CardNumber, Cvv, $"{ExpiryYear}", $"{ExpiryMonth:00}/{ExpiryYear % 100}", $"{ExpiryMonth:00}{ExpiryYear % 100}"];

    /// <summary>Payment ids no payment has: well-formed ones never issued, and malformed ones.</summary>
    public static TheoryData<string> UnknownPaymentIds { get; } =
        ["sale-00000000000000000000000000000000", "refund-00000000000000000000000000000000", "not-a-sale", ""];
}
