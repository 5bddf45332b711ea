using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Problems;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>Problem details of the recurring API.</summary>
public static class RecurringProblems
{
    public const string InvalidTransition = "/problems/recurring-invalid-transition";
    public const string NotPlatformManaged = "/problems/recurring-not-platform-managed";
    public const string SmartRetryRefused = "/problems/smartretry-refused";

    public static PaymentsProblem NotFound(string seriesId) => PaymentsProblem.NotFound($"No recurring series {seriesId}.", RecurringRoutes.SeriesPath(seriesId));

    public static PaymentsProblem Transition(string seriesId, string title, string detail) =>
        PaymentsProblem.Conflict(InvalidTransition, title, detail, RecurringRoutes.SeriesPath(seriesId));

    /// <summary>SmartRetry refused the request itself: its HTTP status (404 stays 404, the rest is a conflict) and reason code, never a 500.</summary>
    public static PaymentsProblem Refused(string seriesId, SmartRetryRejectedException rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        string detail = $"SmartRetry refused the request ({rejected.ReasonCode ?? "no reason code"}).";
        return rejected.StatusCode == 404
            ? PaymentsProblem.NotFound(detail, RecurringRoutes.SeriesPath(seriesId))
            : PaymentsProblem.Conflict(SmartRetryRefused, "SmartRetry refused the request.", detail, RecurringRoutes.SeriesPath(seriesId));
    }
}
