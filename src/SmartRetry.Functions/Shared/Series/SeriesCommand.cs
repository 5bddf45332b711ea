namespace SmartRetry.Functions.Shared.Series;

/// <summary>What a merchant asks of a running series.</summary>
public enum SeriesCommand
{
    Pause,
    Resume,
    Cancel,
    UpdateAmount,
}
