namespace SmartRetry.Functions.Shared.Declines;

/// <summary>A classified decline.</summary>
/// <param name="Reason">The bare reason, upper case (e.g. <c>INSUFFICIENT_FUNDS</c>), or empty when none was given.</param>
/// <param name="Domain">The domain prefix when the code carried one (e.g. <c>PAYER_ACCOUNT</c>).</param>
/// <param name="IsKnownCode">False when the reason is not in the table and the category is a defensive default.</param>
public sealed record DeclineClassification(DeclineCategory Category, string Reason, string? Domain, bool IsKnownCode)
{
    public bool MayRetry => Category == DeclineCategory.Soft;
}
