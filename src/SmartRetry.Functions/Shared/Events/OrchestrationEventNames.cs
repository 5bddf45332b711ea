namespace SmartRetry.Functions.Shared.Events;

/// <summary>Names of the events raised into orchestrations. One name per concern, so an orchestration can keep one long-lived wait per name.</summary>
public static class OrchestrationEventNames
{
    /// <summary>Any SmartRetry <c>transaction.*</c> webhook for the transaction an orchestration waits on; payload <see cref="TransactionEvent"/>.</summary>
    public const string Transaction = "SmartRetryTransaction";

    /// <summary>A merchant's request to cancel a future-dated payment before it fires; payload <see cref="CancelRequest"/>.</summary>
    public const string CancelRequested = "CancelRequested";
}
