using System.Diagnostics;
using System.Reflection;

namespace SmartRetry.Infra.Tests.Bicep;

/// <summary>Runs the Bicep CLI restored from the Azure.Bicep.CommandLine NuGet package (its path is baked in at build time).</summary>
public static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Executable { get; } = Metadata("BicepExecutable");

    /// <summary>The repository's <c>infra/</c> folder.</summary>
    public static string InfraDirectory { get; } = Metadata("InfraDirectory");

    public static async Task<BicepResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = InfraDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Only the variables a test names may feed main.bicepparam, never whatever the machine happens to export.
        foreach (var inherited in startInfo.Environment.Keys.Where(IsDeploymentVariable).ToList())
        {
            startInfo.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {Executable}");
        using var timeout = new CancellationTokenSource(Timeout);
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new BicepResult(process.ExitCode, await standardOutput, await standardError);
    }

    /// <summary>A variable a deployment reads: main.bicepparam's inputs, and the template outputs azd hands its hooks.</summary>
    internal static bool IsDeploymentVariable(string name) =>
        name.StartsWith("AZURE_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("SMARTRETRY_", StringComparison.OrdinalIgnoreCase)
        || name is "KEY_VAULT_NAME" or "FUNCTION_APP_NAME" or "FUNCTION_APP_HOST_NAME";

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is empty.");
}
