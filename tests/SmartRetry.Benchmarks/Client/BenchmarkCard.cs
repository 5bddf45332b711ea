namespace SmartRetry.Benchmarks.Client;

/// <summary>A Luhn-valid test card number (the standard Visa test number), only ever sent to the loopback server.</summary>
internal static class BenchmarkCard
{
    public const string Number = "4111111111111111";
}
