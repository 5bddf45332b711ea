namespace SmartRetry.Infra.Tests.Arm;

/// <summary>
/// A value only Azure knows at deployment time (a resource's runtime property, <c>uniqueString(...)</c>,
/// <c>subscription()</c>). <see cref="Text"/> says where it comes from, so assertions can still name it exactly.
/// </summary>
public sealed record ArmUnknown(string Text)
{
    public override string ToString() => $"⟨{Text}⟩";
}
