using System.Text.Json;
using SmartRetry.Infra.Tests.Arm;

namespace SmartRetry.Infra.Tests.Bicep;

/// <summary>
/// <c>infra/main.bicep</c> compiled once with <c>bicep build</c> into a temporary folder, with the parameters
/// <c>infra/main.bicepparam</c> yields for a given environment (<c>bicep build-params</c>), evaluated offline.
/// </summary>
public sealed class CompiledInfrastructure : IAsyncLifetime
{
    /// <summary>The environment azd would export for a production deployment, without any secret value.</summary>
    public static IReadOnlyDictionary<string, string> ProductionEnvironment { get; } = new Dictionary<string, string>
    {
        ["AZURE_ENV_NAME"] = "prod",
        ["AZURE_LOCATION"] = "swedencentral",
        ["AZURE_PRINCIPAL_ID"] = "11111111-2222-3333-4444-555555555555",
        ["AZURE_PRINCIPAL_TYPE"] = "ServicePrincipal",
        ["SMARTRETRY_TERMINAL_ID"] = "TERM01",
        ["SMARTRETRY_SEALING_KEY_ID"] = "k2",
        ["SMARTRETRY_SEALING_RETIRED_KEY_IDS"] = "k1",
    };

    private readonly string outputDirectory = Directory.CreateTempSubdirectory("smartretry-infra-").FullName;

    public BicepResult Build { get; private set; } = null!;

    public string TemplateText { get; private set; } = "";

    public Deployment Production { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync(null, "build", "main.bicep", "--outdir", outputDirectory);
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed: {Build}");
        }

        TemplateText = await File.ReadAllTextAsync(Path.Combine(outputDirectory, "main.json"));
        Production = await DeployAsync(ProductionEnvironment);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(outputDirectory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Evaluates the compiled template with the parameters main.bicepparam yields under <paramref name="environment"/>.</summary>
    public async Task<Deployment> DeployAsync(IReadOnlyDictionary<string, string> environment)
    {
        var result = await BicepCli.RunAsync(environment, "build-params", "main.bicepparam", "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build-params failed: {result}");
        }

        using var output = JsonDocument.Parse(result.StandardOutput);
        var parametersJson = output.RootElement.GetProperty("parametersJson").GetString()!;
        var parameters = JsonDocument.Parse(parametersJson).RootElement.GetProperty("parameters").Clone();
        var template = JsonDocument.Parse(TemplateText).RootElement.Clone();
        return new Deployment(template, parameters);
    }

    /// <summary>What the template deploys for one set of parameter values.</summary>
    public sealed class Deployment
    {
        public Deployment(JsonElement template, JsonElement parameters)
        {
            Parameters = parameters;
            var root = new ArmTemplateScope(template, "main", parameters.EnumerateObject().ToDictionary(
                parameter => parameter.Name,
                parameter => (Func<object?>)(() => ArmTemplateScope.Literal(parameter.Value.GetProperty("value")))));
            Resources = root.DeployedResources().ToList();
            Outputs = root.Outputs();
        }

        public JsonElement Parameters { get; }

        public IReadOnlyList<DeployedResource> Resources { get; }

        public IReadOnlyDictionary<string, object?> Outputs { get; }

        public IReadOnlyList<DeployedResource> OfType(string type) =>
            Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

        public DeployedResource One(string type) => Assert.Single(OfType(type));

        /// <summary>The Function App's app settings (the one <c>Microsoft.Web/sites/config</c> named appsettings).</summary>
        public IReadOnlyDictionary<string, object?> AppSettings() =>
            Assert.Single(OfType(AzureTypes.SiteConfig), config => ((string)config.Name!).EndsWith("/appsettings", StringComparison.Ordinal)).Properties;
    }
}
