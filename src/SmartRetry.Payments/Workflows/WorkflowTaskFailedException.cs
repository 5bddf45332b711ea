namespace SmartRetry.Payments.Workflows;

/// <summary>
/// An activity or sub-workflow failed (after its retry policy, if any, gave up). The host adapts Durable's
/// <c>TaskFailedException</c> to this type, so workflows catch it without depending on the host.
/// </summary>
public sealed class WorkflowTaskFailedException : Exception
{
    public WorkflowTaskFailedException()
    {
        TaskName = "";
        FailureType = "";
    }

    public WorkflowTaskFailedException(string message)
        : base(message)
    {
        TaskName = "";
        FailureType = "";
    }

    public WorkflowTaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        TaskName = "";
        FailureType = "";
    }

    /// <param name="taskName">The activity or sub-workflow name.</param>
    /// <param name="failureType">The full .NET type name of the exception the task threw.</param>
    /// <param name="failureMessage">That exception's message.</param>
    public WorkflowTaskFailedException(string taskName, string failureType, string failureMessage, Exception? innerException = null)
        : base($"Task '{taskName}' failed with {failureType}: {failureMessage}", innerException)
    {
        TaskName = taskName;
        FailureType = failureType;
    }

    public string TaskName { get; }

    public string FailureType { get; }
}
