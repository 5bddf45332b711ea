namespace SmartRetry.Infra.Tests.Arm;

/// <summary>A parsed ARM template language expression (the text between <c>[</c> and <c>]</c>).</summary>
public abstract record ArmExpressionNode;

/// <summary>A string, integer or boolean literal.</summary>
public sealed record ArmLiteral(object Value) : ArmExpressionNode;

/// <summary>A function call such as <c>format('{0}', parameters('name'))</c>; <see cref="Name"/> may carry a namespace (<c>__bicep.f</c>).</summary>
public sealed record ArmCall(string Name, IReadOnlyList<ArmExpressionNode> Arguments) : ArmExpressionNode;

/// <summary>Member access, <c>x.name</c>.</summary>
public sealed record ArmProperty(ArmExpressionNode Target, string Name) : ArmExpressionNode;

/// <summary>Index access, <c>x[i]</c>.</summary>
public sealed record ArmIndex(ArmExpressionNode Target, ArmExpressionNode Index) : ArmExpressionNode;
