namespace SmartRetry.Client.Tests.Support;

/// <summary>Well-known test card data: it lives only under tests/.</summary>
public static class TestCards
{
    public const string Visa = "4111111111111111";
    public const string Cvv = "123";
}
