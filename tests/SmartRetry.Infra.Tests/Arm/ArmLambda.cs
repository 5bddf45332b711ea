namespace SmartRetry.Infra.Tests.Arm;

/// <summary>A <c>lambda('x', body)</c> argument of <c>toObject</c>, <c>map</c> or <c>filter</c>.</summary>
public sealed record ArmLambda(IReadOnlyList<string> ParameterNames, ArmExpressionNode Body);
