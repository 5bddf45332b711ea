using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;

namespace SmartRetry.Functions.Http;

/// <summary>A request body: either the value, or the problem response to return instead.</summary>
public sealed class JsonBody<T>
    where T : class
{
    internal JsonBody(T value) => Value = value;

    internal JsonBody(IActionResult problem) => Problem = problem;

    public T? Value { get; }

    public IActionResult? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Value is not null;
}
