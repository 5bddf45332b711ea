namespace SmartRetry.Simulator.Domain;

/// <summary>
/// SmartRetry-shaped ids (8 characters: a 2-letter prefix and 6 base-36 digits). Sequential per prefix, so runs are repeatable,
/// and never reused after a reset, so a receiver that deduplicates across tests is not confused.
/// </summary>
internal sealed class IdGenerator
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> next = new(StringComparer.Ordinal);

    public string Transaction() => Next("TX");

    public string Order() => Next("OR");

    public string Recurring() => Next("RC");

    public string FutureTransaction() => Next("FT");

    public string Payer() => Next("PY");

    public string Event() => Next("evt_");

    public string AuthorizationCode() => Next("A")[1..];

    private string Next(string prefix)
    {
        long value = next.AddOrUpdate(prefix, 1, (_, last) => last + 1);
        Span<char> digits = stackalloc char[6];
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = Digits[(int)(value % 36)];
            value /= 36;
        }

        return prefix + new string(digits);
    }
}
