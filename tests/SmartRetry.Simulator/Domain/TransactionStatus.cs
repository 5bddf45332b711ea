namespace SmartRetry.Simulator.Domain;

/// <summary>The status object of a transaction (§3.2); <see cref="ReasonCode"/> is <c>{domain}.{reason}</c>.</summary>
internal sealed record TransactionStatus(string Status, string Reason, string Domain, string Name, string Description)
{
    public string ReasonCode => $"{Domain}.{Reason}";

    public bool IsFinal => Status is "APPROVED" or "DECLINED" or "ERROR" or "CANCELLED";

    public static TransactionStatus Approved { get; } = new("APPROVED", "APPROVED", "AUTH", "Approved", "The issuer approved the transaction.");

    public static TransactionStatus Processing { get; } = new("PROCESSING", "PROCESSING", "PROCESSOR", "Processing", "Waiting for the acquirer or issuer.");

    public static TransactionStatus Unknown { get; } = new("UNKNOWN", "UNKNOWN", "PROCESSOR", "Unknown", "The processor timed out; the outcome is undetermined.");

    public static TransactionStatus Error { get; } = new("ERROR", "INTERNAL_ERROR", "SYSTEM", "Error", "A technical failure occurred before the issuer was reached.");

    public static TransactionStatus Declined(DeclineReason reason) => new("DECLINED", reason.Code, reason.Domain, reason.Name, reason.Description);

    /// <summary>A soft decline that SmartRetry is working on: not final, the reason is the last attempt's.</summary>
    public static TransactionStatus Retrying(DeclineReason reason) =>
        new("PROCESSING", reason.Code, reason.Domain, reason.Name, $"{reason.Description} SmartRetry scheduled an automatic retry.");
}
