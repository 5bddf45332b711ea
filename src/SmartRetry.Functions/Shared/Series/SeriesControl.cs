using SmartRetry.Functions.Shared.Events;

namespace SmartRetry.Functions.Shared.Series;

/// <summary>A merchant's request to a series orchestration, raised as <see cref="RecurringEventNames.Control"/>.</summary>
/// <param name="RequestId">Identifies the request, for logs and the ledger.</param>
/// <param name="Amount">The new amount, for <see cref="SeriesCommand.UpdateAmount"/>.</param>
public sealed record SeriesControl(SeriesCommand Command, string RequestId, DateTimeOffset RequestedAt, decimal? Amount = null);
