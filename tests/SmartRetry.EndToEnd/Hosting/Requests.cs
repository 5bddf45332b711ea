using System.Globalization;

namespace SmartRetry.EndToEnd.Hosting;

/// <summary>Request bodies as the walkthrough (docs/http-api.md) writes them; each test makes its own ids so tests never share a payment.</summary>
public static class Requests
{
    public const string CardNumber = "4111111111111111";

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static string Sale(string merchantTransactionId, decimal amount, DateTimeOffset? scheduledAt = null, bool withCvv = true) => $$"""
        {
          "merchant_transaction_id": "{{merchantTransactionId}}", "amount": {{amount.ToString(CultureInfo.InvariantCulture)}}, "currency": "USD",
          {{(scheduledAt is { } at ? $"\"scheduled_at\": \"{at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}\"," : "")}}
          "card": { "number": "{{CardNumber}}", "expiry_month": 12, "expiry_year": 2030, {{(withCvv ? "\"cvv\": \"123\"," : "")}} "holder_name": "Jane Doe" },
          "payer": { "first_name": "Jane", "last_name": "Doe", "email": "jane.doe@example.com" }
        }
        """;

    public static string MerchantSeries(string reference, decimal amount, DateOnly firstPaymentDate, int numberOfPayments = 12) => $$"""
        {
          "series_reference": "{{reference}}", "amount": {{amount.ToString(CultureInfo.InvariantCulture)}}, "currency": "USD",
          "card": { "number": "{{CardNumber}}", "expiry_month": 12, "expiry_year": 2030, "holder_name": "Jane Doe" },
          "payer": { "first_name": "Jane", "last_name": "Doe", "email": "jane.doe@example.com" },
          "recurring": { "managed_by": "merchant", "first_payment_date": "{{firstPaymentDate:yyyy-MM-dd}}", "recurring_date_type": "monthly",
                         "time_interval": 1, "number_of_payments": {{numberOfPayments}} }
        }
        """;

    public static string PlatformSeries(string reference, decimal amount, DateOnly firstPaymentDate, int numberOfPayments = 6) => $$"""
        {
          "series_reference": "{{reference}}", "amount": {{amount.ToString(CultureInfo.InvariantCulture)}}, "currency": "USD",
          "card": { "number": "{{CardNumber}}", "expiry_month": 12, "expiry_year": 2030, "holder_name": "Jane Doe" },
          "payer": { "first_name": "Jane", "last_name": "Doe", "email": "jane.doe@example.com" },
          "recurring": { "managed_by": "our_platform", "first_payment_date": "{{firstPaymentDate:yyyy-MM-dd}}", "recurring_date_type": "monthly",
                         "time_interval": 1, "number_of_payments": {{numberOfPayments}} }
        }
        """;
}
