namespace SmartRetry.Infra.Tests.Arm;

/// <summary>
/// One resource the compiled template deploys, with every member evaluated (<see cref="Body"/>: type, name, scope,
/// kind, sku, identity, properties...). Resource ids are written <c>Type/name</c> (e.g.
/// <c>Microsoft.KeyVault/vaults/kv-1</c>): every resource here lives in the one target resource group.
/// </summary>
public sealed record DeployedResource(string Module, string SymbolicName, IReadOnlyDictionary<string, object?> Body)
{
    public string Type => (string)Body["type"]!;

    public object? Name => Body["name"];

    public string Id => ArmTemplateScope.ResourceId(Type, Name);

    public object? Member(string name) => Body.TryGetValue(name, out var value) ? value : null;

    public IReadOnlyDictionary<string, object?> Properties => Body.TryGetValue("properties", out var value) && value is IReadOnlyDictionary<string, object?> properties
        ? properties
        : throw new InvalidOperationException($"{Module}/{SymbolicName} has no literal properties object: {value}");

    public override string ToString() => $"{Module}/{SymbolicName} ({Type})";
}
