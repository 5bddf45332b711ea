namespace SmartRetry.Client.Validation;

/// <summary>
/// The JSON paths of nested fields, built once: a sale nests card and payer under <c>order</c>, a recurring init does not.
/// </summary>
internal static class FieldPaths
{
    public static readonly InstrumentPaths OrderInstrument = new("order.payment_instrument");
    public static readonly InstrumentPaths Instrument = new("payment_instrument");
    public static readonly PayerPaths OrderPayer = new("order.payer");
    public static readonly PayerPaths Payer = new("payer");

    internal sealed class InstrumentPaths(string prefix)
    {
        public string CardNumber { get; } = prefix + ".card_number";

        public string ExpiryMonth { get; } = prefix + ".expiry_month";

        public string ExpiryYear { get; } = prefix + ".expiry_year";

        public string PaymentMethod { get; } = prefix + ".payment_method";

        public string CardholderName { get; } = prefix + ".card_cardholder_name";

        public string Fingerprint { get; } = prefix + ".card_profile.fingerprint";
    }

    internal sealed class PayerPaths(string prefix)
    {
        public string FirstName { get; } = prefix + ".first_name";

        public string LastName { get; } = prefix + ".last_name";

        public string Email { get; } = prefix + ".email";

        public string FriendlyId { get; } = prefix + ".friendly_id";

        public string PhoneNumber { get; } = prefix + ".phone_number";
    }
}
