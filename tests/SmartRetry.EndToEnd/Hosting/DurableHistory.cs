using Azure.Data.Tables;

namespace SmartRetry.EndToEnd.Hosting;

/// <summary>
/// An orchestration's history as the host's Azure Storage backend keeps it (the <c>{TaskHub}History</c> table, one
/// row per event, partitioned by instance id): what one payment costs the engine in storage rows and wake-ups.
/// </summary>
public sealed record DurableHistory(string InstanceId, IReadOnlyList<string> Events)
{
    public int Total => Events.Count;

    public int Count(string eventType) => Events.Count(e => e == eventType);

    /// <summary>Activities, timers, sub-orchestrations and events sent: what the orchestrator asked of the engine.</summary>
    public string Actions =>
        $"{Count("TaskScheduled")} activities, {Count("TimerCreated")} timers, {Count("SubOrchestrationInstanceCreated")} sub-orchestrations, {Count("EventRaised")} events received";

    public override string ToString() => $"{InstanceId}: {Total} events ({Actions}): {string.Join(", ", Events)}";

    /// <summary>Waits until the instance's history holds its completion, then reads it whole.</summary>
    public static async Task<DurableHistory> ReadCompletedAsync(EndToEndApp app, string instanceId, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(app);
        var table = new TableClient(app.StorageConnectionString, $"{app.TaskHubName}History");
        DateTimeOffset deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var rows = new List<TableEntity>();
            await foreach (TableEntity row in table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["EventType"]))
            {
                rows.Add(row);
            }

            string[] events = [.. rows.Select(r => r.GetString("EventType")).OfType<string>()];
            if (events.Contains("ExecutionCompleted") || events.Contains("ContinueAsNew"))
            {
                return new DurableHistory(instanceId, events);
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {instanceId} to complete; its history: {string.Join(", ", events)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
