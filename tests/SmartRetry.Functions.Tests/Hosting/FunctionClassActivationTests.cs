using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using SmartRetry.Functions.Shared.Http;

namespace SmartRetry.Functions.Tests.Hosting;

/// <summary>
/// The worker builds a function class per invocation from DI (ActivatorUtilities). A constructor dependency nobody
/// registered surfaces only then, in production; here every function class is built from the app's registrations.
/// </summary>
public sealed class FunctionClassActivationTests
{
    public static TheoryData<Type> FunctionClasses() =>
        [.. typeof(ApiResults).Assembly.GetTypes()
            .Where(type => !(type.IsAbstract && type.IsSealed))
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null))];

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void Every_function_class_is_built_from_the_apps_services(Type functionClass)
    {
        using var app = new FunctionsApp();

        Assert.IsType(functionClass, app.Create(functionClass));
    }
}
