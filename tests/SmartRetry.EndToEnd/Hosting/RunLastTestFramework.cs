using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("SmartRetry.EndToEnd.Hosting.RunLastTestFramework", "SmartRetry.EndToEnd")]

namespace SmartRetry.EndToEnd.Hosting;

/// <summary>Runs a test class after every other class of its collection: for checks of what the whole run left behind.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLastAttribute : Attribute;

/// <summary>
/// xUnit's own framework, with one change: within a collection, the classes marked <see cref="RunsLastAttribute"/> run
/// after the others. xUnit runs a collection's classes in the order of its test cases, so putting their test cases
/// last is all it takes; everything else (fixtures, parallel collections, ordering within a class) is xUnit's.
/// </summary>
public sealed class RunLastTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override Task<RunSummary> RunTestCollectionAsync(
            IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource) =>
            base.RunTestCollectionAsync(messageBus, testCollection, testCases.OrderBy(RunsLast), cancellationTokenSource);

        private static bool RunsLast(IXunitTestCase testCase) =>
            testCase.TestMethod.TestClass.Class.GetCustomAttributes(typeof(RunsLastAttribute).AssemblyQualifiedName!).Any();
    }
}
