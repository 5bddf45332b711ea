using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Ledger;

namespace SmartRetry.Functions.Tests.Architecture;

/// <summary>
/// The Durable analyzer's DURABLE0010 is off in the app (it does not follow a replay-safe logger into a field or a
/// parameter): this is what holds instead. An orchestration is a static method of a static class, so nothing, a logger
/// included, can be injected into it; the only loggers it can reach are the ones it makes from its context.
/// </summary>
public sealed class OrchestrationLoggerTests
{
    private static readonly MethodInfo[] Orchestrations = [.. typeof(IPaymentLedger).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(method => method.GetParameters().Any(parameter => parameter.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null))];

    [Fact]
    public void Every_orchestration_is_a_static_method_of_a_static_class()
    {
        Assert.NotEmpty(Orchestrations);
        Assert.All(Orchestrations, orchestration =>
        {
            Type declaring = orchestration.DeclaringType!;
            Assert.True(orchestration.IsStatic && declaring.IsAbstract && declaring.IsSealed, $"{declaring.Name}.{orchestration.Name} is not a static method of a static class.");
        });
    }

    [Fact]
    public void No_orchestration_takes_a_logger_or_a_service()
    {
        Assert.All(Orchestrations, orchestration =>
            Assert.Equal(["context"], orchestration.GetParameters().Select(parameter => parameter.Name)));
    }
}
