using System.Text.Json.Serialization;
using SmartRetry.Simulator.Domain;

namespace SmartRetry.Simulator.Contracts;

/// <summary>The status object (§3.2); note the camelCase <c>reasonCode</c>.</summary>
internal sealed record StatusBody(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reasonCode")] string ReasonCode,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("domain")] string Domain)
{
    public static StatusBody From(TransactionStatus status) =>
        new(status.Status, status.ReasonCode, status.Reason, status.Name, status.Description, status.Domain);
}
