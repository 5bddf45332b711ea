namespace SmartRetry.Functions.Shared.Series;

/// <summary>The HTTP API of recurring series, for links in responses and the Functions routes.</summary>
public static class RecurringRoutes
{
    public const string Create = "/api/recurring";

    public static string SeriesPath(string seriesId) => $"/api/recurring/{seriesId}";

    public static string FutureTransactionsPath(string seriesId) => $"/api/recurring/{seriesId}/future-transactions";
}
