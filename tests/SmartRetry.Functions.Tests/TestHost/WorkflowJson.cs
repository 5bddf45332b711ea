using System.Text.Json;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>Serializes the way Durable's data converter does with our options: by runtime type, null stays null.</summary>
internal static class WorkflowJson
{
    public static string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), PaymentsJson.Options);

    public static T? Deserialize<T>(string? json) =>
        json is null ? default : JsonSerializer.Deserialize<T>(json, PaymentsJson.Options);
}
