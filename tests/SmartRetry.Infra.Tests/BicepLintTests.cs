using System.Text.Json;
using SmartRetry.Infra.Tests.Bicep;

namespace SmartRetry.Infra.Tests;

[Collection(InfrastructureTests.Name)]
public sealed class BicepLintTests(CompiledInfrastructure infrastructure)
{
    [Fact]
    public void Build_reports_no_warning_or_error()
    {
        Assert.Equal(0, infrastructure.Build.ExitCode);
        Assert.Equal("", infrastructure.Build.StandardError.Trim());
    }

    [Theory]
    [InlineData("main.bicep")]
    [InlineData("main.bicepparam")]
    public async Task Lint_reports_no_diagnostic(string file)
    {
        var result = await BicepCli.RunAsync(CompiledInfrastructure.ProductionEnvironment, "lint", file, "--diagnostics-format", "sarif");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var sarif = JsonDocument.Parse(result.StandardOutput);
        var diagnostics = sarif.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray())
            .Select(diagnostic => $"{diagnostic.GetProperty("ruleId")}: {diagnostic.GetProperty("message").GetProperty("text")}")
            .ToList();
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Every_module_is_local_so_the_template_builds_offline()
    {
        var modules = Directory.GetFiles(BicepCli.InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(line => line.TrimStart().StartsWith("module ", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(modules);
        Assert.All(modules, module => Assert.Matches(@"^\s*module \w+ 'modules/[\w-]+\.bicep' = \{$", module));
    }
}
