using SmartRetry.Simulator.Domain;
using SmartRetry.Simulator.Http;
using SmartRetry.Simulator.Time;

namespace SmartRetry.Simulator.Processing;

/// <summary>Reads and validates the card and payer parts shared by sale, pre-auth and recurring init.</summary>
internal sealed class InstrumentReader(SimulatorState state, SimulatorClock clock)
{
    /// <summary>
    /// The card from <paramref name="instrument"/> or from a stored <paramref name="tokenField"/>; exactly one must be
    /// sent. The caller keeps a new card (<see cref="Keep"/>) only once the whole request is valid.
    /// </summary>
    public CardOnFile ReadCard(JsonObjectReader? instrument, JsonObjectReader body, string tokenField, string instrumentField)
    {
        string? token = body.String(tokenField, exactLength: 88);
        body.String("cvv", pattern: RequestPatterns.Cvv());
        if (token is not null && instrument is not null)
        {
            throw ApiProblemException.Invalid(body.FieldOf(tokenField), $"send either {body.FieldOf(tokenField)} or {instrumentField}, not both");
        }

        if (token is not null)
        {
            return state.Cards.TryGetValue(token, out CardOnFile? stored)
                ? stored
                : throw ApiProblemException.Invalid(body.FieldOf(tokenField), $"{body.FieldOf(tokenField)} is not a known payment token");
        }

        if (instrument is not JsonObjectReader card)
        {
            throw ApiProblemException.Missing(instrumentField);
        }

        string number = card.String("card_number", required: true)!;
        if (!RequestPatterns.CardNumber().IsMatch(number) || !CardOnFile.PassesLuhn(number))
        {
            throw ApiProblemException.Invalid(card.FieldOf("card_number"), "card_number fails the Luhn check or has an unknown format", "INVALID_CARD_NUMBER");
        }

        int month = ReadExpiryPart(card, "expiry_month", 1, 12);
        int year = ReadExpiryPart(card, "expiry_year", 2024, 2099);
        DateOnly today = clock.Today;
        if (year < today.Year || (year == today.Year && month < today.Month))
        {
            throw ApiProblemException.Invalid(card.FieldOf("expiry_year"), "the card has expired", "INVALID_EXPIRY");
        }

        string method = card.OneOf("payment_method", RequestPatterns.PaymentMethods, required: true)!;
        string? holder = card.String("card_cardholder_name", maxLength: 100);
        card.Object("card_profile")?.String("fingerprint", exactLength: 88);
        return CardOnFile.From(number, month, year, method, holder);
    }

    public void Keep(CardOnFile card) => state.Cards[card.Token] = card;

    public Payer? ReadPayer(JsonObjectReader? payer)
    {
        if (payer is not JsonObjectReader fields)
        {
            return null;
        }

        string first = fields.String("first_name", required: true, maxLength: 50)!;
        string last = fields.String("last_name", required: true, maxLength: 50)!;
        string email = fields.String("email", required: true, maxLength: 254, pattern: RequestPatterns.Email())!;
        string? friendlyId = fields.String("friendly_id", exactLength: 8);
        string? phone = fields.String("phone_number", maxLength: 16, pattern: RequestPatterns.PhoneNumber());
        fields.String("full_name", maxLength: 150);
        fields.String("national_id", maxLength: 50);
        return new Payer(friendlyId ?? state.Ids.Payer(), first, last, email, phone);
    }

    private static int ReadExpiryPart(JsonObjectReader card, string name, int min, int max)
    {
        try
        {
            return card.Integer(name, min, max, required: true)!.Value;
        }
        catch (ApiProblemException problem) when (problem.ReasonCode == "VALIDATION_INVALID_FIELD")
        {
            throw ApiProblemException.Invalid(card.FieldOf(name), problem.Message, "INVALID_EXPIRY");
        }
    }
}
