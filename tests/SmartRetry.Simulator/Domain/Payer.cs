namespace SmartRetry.Simulator.Domain;

internal sealed record Payer(string FriendlyId, string FirstName, string LastName, string Email, string? PhoneNumber)
{
    public string EmailUsername => Email.Split('@')[0];

    public string EmailDomain => Email.Split('@')[^1];
}
