using System.Text.Json.Serialization;

namespace SmartRetry.Client.Models;

/// <summary>The request field a validation status refers to.</summary>
/// <param name="JsonPointer">The field's JSON pointer (<c>field.pointer</c>), e.g. <c>/amount</c>.</param>
public sealed record StatusField([property: JsonPropertyName("pointer")] string? JsonPointer);
