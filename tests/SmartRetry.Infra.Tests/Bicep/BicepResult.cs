namespace SmartRetry.Infra.Tests.Bicep;

/// <summary>Exit code and output of one Bicep CLI run.</summary>
public sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n{StandardOutput}\n{StandardError}";
}
