using System.ComponentModel.DataAnnotations;

namespace SmartRetry.Functions.Maintenance;

/// <summary>Housekeeping of the task hub (section <c>Payments:Maintenance</c>).</summary>
public sealed class MaintenanceOptions
{
    public const string SectionName = "Payments:Maintenance";

    /// <summary>Finished orchestration instances (and their inputs, outputs and history) are purged after this many days.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;
}
