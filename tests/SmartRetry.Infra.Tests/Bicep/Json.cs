namespace SmartRetry.Infra.Tests.Bicep;

/// <summary>Reads nested members of evaluated template values.</summary>
public static class Json
{
    public static object? At(this IReadOnlyDictionary<string, object?> value, params string[] path)
    {
        object? current = value;
        foreach (var name in path)
        {
            var members = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(current);
            Assert.True(members.TryGetValue(name, out current), $"No '{name}' in [{string.Join(", ", members.Keys)}]");
        }

        return current;
    }

    public static IReadOnlyDictionary<string, object?> Members(this IReadOnlyDictionary<string, object?> value, params string[] path) =>
        Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(value.At(path));
}
