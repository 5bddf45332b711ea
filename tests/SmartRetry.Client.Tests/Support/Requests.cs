using SmartRetry.Client.Models;
using SmartRetry.Client.Payments;

namespace SmartRetry.Client.Tests.Support;

/// <summary>The documented example requests, shared by endpoint, retry and validation tests.</summary>
public static class Requests
{
    public static PaymentRequest Sale() => new()
    {
        MerchantTransactionId = "order-42",
        Amount = 49.99m,
        Currency = "USD",
        Order = new OrderDetails
        {
            MerchantOrderId = "ord-42",
            PaymentInstrument = new PaymentInstrument
            {
                CardNumber = TestCards.Visa,
                ExpiryMonth = 12,
                ExpiryYear = 2027,
                CardholderName = "Jane Doe",
            },
            Payer = new Payer { FirstName = "Jane", LastName = "Doe", Email = "jane.doe@example.com" },
            Description = "Order #42",
        },
        Cvv = TestCards.Cvv,
    };
}
