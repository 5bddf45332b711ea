using System.ComponentModel.DataAnnotations;

namespace SmartRetry.Simulator;

/// <summary>Requests per second per API key (§4.4), counted in one-second windows of real time.</summary>
public sealed class SimulatorRateLimits
{
    [Range(1, int.MaxValue)]
    public int Payments { get; set; } = 100;

    [Range(1, int.MaxValue)]
    public int Status { get; set; } = 500;

    [Range(1, int.MaxValue)]
    public int Recurring { get; set; } = 100;

    [Range(1, int.MaxValue)]
    public int Total { get; set; } = 1000;
}
