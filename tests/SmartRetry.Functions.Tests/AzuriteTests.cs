using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests;

/// <summary>Tests that talk to Azure Table Storage share one Azurite per run.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
