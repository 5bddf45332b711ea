using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartRetry.Client.Tests.Support;

/// <summary>Golden JSON files: request bodies as they must go on the wire, responses as SmartRetry documents them.</summary>
public static class Golden
{
    /// <summary>The golden request body, minified: property order and number text (49.90 vs 49.9) must match exactly.</summary>
    public static string Request(string name) => Minify(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "Requests", name + ".json")));

    public static string Response(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "Responses", name + ".json"));

    private static string Minify(string json) => JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
