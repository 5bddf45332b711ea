using System.Text.Json;
using SmartRetry.Payments.Serialization;

namespace SmartRetry.Testing.Workflows;

/// <summary>Serializes the way Durable's data converter does with our options: by runtime type, null stays null.</summary>
internal static class WorkflowJson
{
    public static string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), PaymentsJson.Options);

    public static T? Deserialize<T>(string? json) =>
        json is null ? default : JsonSerializer.Deserialize<T>(json, PaymentsJson.Options);
}
