namespace SmartRetry.Simulator.Tests.Support;

/// <summary>Valid request bodies as SmartRetry documents them (§2.1, §2.7), for tests to start from.</summary>
public static class Requests
{
    public const string VisaTestCard = "4111111111111111";

    public static Dictionary<string, object?> Card(string number = VisaTestCard) => new()
    {
        ["card_number"] = number,
        ["expiry_month"] = 12,
        ["expiry_year"] = 2030,
        ["payment_method"] = "cards",
        ["card_cardholder_name"] = "Jane Doe",
    };

    public static Dictionary<string, object?> Payer() => new()
    {
        ["first_name"] = "Jane",
        ["last_name"] = "Doe",
        ["email"] = "jane.doe@example.com",
    };

    public static Dictionary<string, object?> Sale(decimal amount, string merchantTransactionId = "order-1") => new()
    {
        ["merchant_transaction_id"] = merchantTransactionId,
        ["amount"] = amount,
        ["currency"] = "USD",
        ["order"] = new Dictionary<string, object?>
        {
            ["merchant_order_id"] = "ord-" + merchantTransactionId,
            ["payment_instrument"] = Card(),
            ["payer"] = Payer(),
            ["description"] = "Order",
        },
        ["cvv"] = "123",
    };

    public static Dictionary<string, object?> RecurringInit(decimal amount, string managedBy, Dictionary<string, object?>? schedule = null)
    {
        var recurring = new Dictionary<string, object?> { ["managed_by"] = managedBy };
        foreach ((string key, object? value) in schedule ?? [])
        {
            recurring[key] = value;
        }

        return new()
        {
            ["amount"] = amount,
            ["currency"] = "USD",
            ["recurring"] = recurring,
            ["payment_instrument"] = Card(),
            ["payer"] = Payer(),
        };
    }
}
