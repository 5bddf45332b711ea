namespace SmartRetry.Infra.Tests.Bicep;

/// <summary>Test classes in this collection share one compilation of infra/main.bicep.</summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureTests : ICollectionFixture<CompiledInfrastructure>
{
    public const string Name = "Compiled infrastructure";
}
