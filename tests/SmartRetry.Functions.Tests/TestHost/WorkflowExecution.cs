using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>
/// One run of one orchestration generation on its own logical thread, as Durable Task's own
/// <see cref="TaskOrchestrationContext"/>: the orchestration code under test is the code the host runs. Live, it records
/// every decision and input into its history and tells the observer what to do. Replaying, it runs the same code
/// against a recorded history, performs nothing, and stops at the first entry that differs (<see cref="Mismatch"/>).
/// </summary>
internal sealed class WorkflowExecution : TaskOrchestrationContext
{
    private readonly WorkflowRegistration workflow;
    private readonly IWorkflowExecutionObserver? observer;
    private readonly IReadOnlyList<WorkflowHistoryEvent>? recorded;
    private readonly ILoggerFactory loggers;
    private readonly string? inputJson;
    private readonly List<WorkflowHistoryEvent> history = [];
    private readonly Dictionary<int, PendingWorkflowTask> pending = [];
    private readonly ExternalEventRouter events = new();
    private readonly WorkflowSynchronizationContext thread = new();
    private Task<string?>? run;
    private bool continueAsNewRequested;
    private string? continueAsNewInputJson;
    private int nextTaskId;
    private int guidCounter;

    private WorkflowExecution(
        WorkflowRegistration workflow,
        string instanceId,
        DateTime startedAt,
        string? inputJson,
        IWorkflowExecutionObserver? observer,
        IReadOnlyList<WorkflowHistoryEvent>? recorded,
        ILoggerFactory loggers)
    {
        this.workflow = workflow;
        this.observer = observer;
        this.recorded = recorded;
        this.loggers = loggers;
        this.inputJson = inputJson;
        InstanceId = instanceId;
        currentUtcDateTime = startedAt;
    }

    private DateTime currentUtcDateTime;

    public override TaskName Name => workflow.Name;

    public override string InstanceId { get; }

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => currentUtcDateTime;

    public override bool IsReplaying => recorded is not null;

    protected override ILoggerFactory LoggerFactory => loggers;

    public IReadOnlyList<WorkflowHistoryEvent> History => history;

    public bool IsFinished { get; private set; }

    public ReplayMismatch? Mismatch { get; private set; }

    /// <summary>Set when orchestration code awaited something that is not an orchestration task.</summary>
    public string? Violation => thread.Violation;

    public static WorkflowExecution StartLive(
        WorkflowRegistration workflow, string instanceId, string? inputJson, DateTime now, IWorkflowExecutionObserver observer, ILoggerFactory loggers)
    {
        var execution = new WorkflowExecution(workflow, instanceId, now, inputJson, observer, recorded: null, loggers);
        execution.Start();
        return execution;
    }

    public static WorkflowExecution StartReplay(WorkflowRegistration workflow, IReadOnlyList<WorkflowHistoryEvent> recorded)
    {
        var started = (ExecutionStarted)recorded[0];
        var execution = new WorkflowExecution(
            workflow, started.InstanceId, started.Timestamp, started.InputJson, observer: null, recorded, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        execution.Start();
        return execution;
    }

    /// <summary>Hands the orchestration an activity result, a fired timer, a raised event or a sub-orchestration outcome, and runs it until idle.</summary>
    public void Deliver(WorkflowHistoryEvent input)
    {
        if (IsFinished || Mismatch is not null)
        {
            return;
        }

        currentUtcDateTime = input.Timestamp;
        if (Append(input))
        {
            thread.Run(() => Apply(input));
            AfterTurn();
        }
    }

    /// <summary>The events nobody waited for, which ContinueAsNew carries into the next generation.</summary>
    public IReadOnlyList<(string Name, string? PayloadJson)> TakeBufferedEvents() => events.TakeBuffered();

    public override T GetInput<T>() => WorkflowJson.Deserialize<T>(inputJson)!;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name.Name);
        string? activityInput = WorkflowJson.Serialize(input);
        return options?.Retry?.Policy is not { } retry ? ScheduleActivity<TResult>(name.Name, activityInput) : CallWithRetry();

        // Durable retries on the orchestrator side, with a durable timer between attempts: the same shape here.
        async Task<TResult> CallWithRetry()
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return await ScheduleActivity<TResult>(name.Name, activityInput);
                }
                catch (TaskFailedException) when (attempt < retry.MaxNumberOfAttempts)
                {
                    await CreateTimer(CurrentUtcDateTime + DelayBeforeRetry(retry, attempt - 1), CancellationToken.None);
                }
            }
        }
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName.Name);
        string instanceId = (options as SubOrchestrationOptions)?.InstanceId
            ?? throw new NotSupportedException("Sub-orchestrations run under an instance id the orchestration chooses (SubOrchestrationOptions.InstanceId), so events can be addressed to them.");
        int taskId = nextTaskId++;
        var task = new PendingWorkflowTask<TResult>(PendingTaskKind.SubWorkflow, orchestratorName.Name);
        pending[taskId] = task;
        Decide(new SubWorkflowScheduled(CurrentUtcDateTime, taskId, orchestratorName.Name, instanceId, WorkflowJson.Serialize(input)));
        return task.Task;
    }

    public override Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken)
    {
        if (fireAtUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"Timer fire times must be UTC (Kind was {fireAtUtc.Kind}); Durable would read them as local time.", nameof(fireAtUtc));
        }

        int taskId = nextTaskId++;
        var timer = new PendingWorkflowTask<object?>(PendingTaskKind.Timer, "timer");
        pending[taskId] = timer;
        Decide(new TimerCreated(CurrentUtcDateTime, taskId, fireAtUtc));
        cancellationToken.Register(() =>
        {
            if (!thread.IsWorkflowThread)
            {
                thread.ReportViolation("A timer was cancelled outside the workflow's thread (CancellationTokenSource.CancelAsync, or a token "
                    + "cancelled by code outside the workflow); cancel with Cancel() from workflow code.");
            }
            else if (!timer.IsCompleted)
            {
                pending.Remove(taskId);
                Decide(new TimerCancelled(CurrentUtcDateTime, taskId));
                timer.Cancel(cancellationToken);
            }
        });
        return timer.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        Decide(new EventWaitStarted(CurrentUtcDateTime, eventName));
        return events.Wait<T>(eventName, cancellationToken);
    }

    public override void SetCustomStatus(object? customStatus) => Decide(new CustomStatusSet(CurrentUtcDateTime, WorkflowJson.Serialize(customStatus)));

    public override void SendEvent(string instanceId, string eventName, object payload) =>
        throw new NotSupportedException("No orchestration here sends events to another; the test host does not model it.");

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        if (!preserveUnprocessedEvents)
        {
            throw new NotSupportedException("The orchestrations always carry their unprocessed events into the next generation; the test host models only that.");
        }

        continueAsNewRequested = true;
        continueAsNewInputJson = WorkflowJson.Serialize(newInput);
    }

    public override Guid NewGuid()
    {
        // Name-based like Durable's: instance id, orchestration time and a counter, so a replay gets the same values.
        string name = string.Create(CultureInfo.InvariantCulture, $"{InstanceId}_{CurrentUtcDateTime:o}_{guidCounter++}");
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    // Durable's own: a policy's delays grow by its coefficient and stop at its cap (an hour when it sets none).
    private static TimeSpan DelayBeforeRetry(RetryPolicy retry, int retryIndex)
    {
        double seconds = retry.FirstRetryInterval.TotalSeconds * Math.Pow(retry.BackoffCoefficient, retryIndex);
        TimeSpan delay = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
        return delay > retry.MaxRetryInterval ? retry.MaxRetryInterval : delay;
    }

    private void Start()
    {
        Append(new ExecutionStarted(CurrentUtcDateTime, workflow.Name, InstanceId, inputJson));
        thread.Run(() => run = workflow.Run(this));
        AfterTurn();
    }

    private Task<TResult> ScheduleActivity<TResult>(string name, string? inputJson)
    {
        int taskId = nextTaskId++;
        var task = new PendingWorkflowTask<TResult>(PendingTaskKind.Activity, name);
        pending[taskId] = task;
        Decide(new ActivityScheduled(CurrentUtcDateTime, taskId, name, inputJson));
        return task.Task;
    }

    private void Apply(WorkflowHistoryEvent input)
    {
        switch (input)
        {
            case ActivityCompleted completed:
                TakePending(completed.TaskId, PendingTaskKind.Activity, input)?.Complete(completed.ResultJson);
                break;
            case ActivityFailed failed:
                FailPending(failed.TaskId, PendingTaskKind.Activity, failed.ErrorType, failed.ErrorMessage, input);
                break;
            case TimerFired fired:
                TakePending(fired.TaskId, PendingTaskKind.Timer, input)?.Complete(null);
                break;
            case SubWorkflowCompleted completed:
                TakePending(completed.TaskId, PendingTaskKind.SubWorkflow, input)?.Complete(completed.OutputJson);
                break;
            case SubWorkflowFailed failed:
                FailPending(failed.TaskId, PendingTaskKind.SubWorkflow, failed.ErrorType, failed.ErrorMessage, input);
                break;
            case EventRaised raised:
                if (!events.Deliver(raised.Name, raised.PayloadJson))
                {
                    observer?.OnEventSwallowed(raised);
                }

                break;
        }
    }

    private void FailPending(int taskId, PendingTaskKind kind, string errorType, string errorMessage, WorkflowHistoryEvent input)
    {
        if (TakePending(taskId, kind, input) is { } task)
        {
            task.Fail(new TaskFailedException(task.Name, taskId, new TaskFailureDetails(errorType, errorMessage, StackTrace: null, InnerFailure: null, Properties: null)));
        }
    }

    private PendingWorkflowTask? TakePending(int taskId, PendingTaskKind kind, WorkflowHistoryEvent input)
    {
        if (pending.Remove(taskId, out PendingWorkflowTask? task) && task.Kind == kind)
        {
            return task;
        }

        if (IsReplaying)
        {
            Mismatch ??= new ReplayMismatch(history.Count - 1, input, Replayed: null);
            return null;
        }

        throw new InvalidOperationException($"Instance '{InstanceId}' has no pending {kind} #{taskId} for {input}.");
    }

    private void AfterTurn()
    {
        if (IsFinished || run is not { IsCompleted: true } finished)
        {
            return;
        }

        IsFinished = true;
        Decide(continueAsNewRequested ? new ContinuedAsNewWithInput(CurrentUtcDateTime, continueAsNewInputJson)
            : finished.IsCompletedSuccessfully ? new ExecutionCompleted(CurrentUtcDateTime, finished.Result)
            : Failure(finished));
    }

    private ExecutionFailed Failure(Task failed)
    {
        Exception error = failed.Exception?.InnerException ?? new TaskCanceledException(failed);
        return new ExecutionFailed(CurrentUtcDateTime, error.GetType().FullName!, error.Message);
    }

    private void Decide(WorkflowHistoryEvent decision)
    {
        if (Append(decision))
        {
            observer?.OnDecision(decision);
        }
    }

    private bool Append(WorkflowHistoryEvent entry)
    {
        if (Mismatch is not null)
        {
            return false;
        }

        if (recorded is not null)
        {
            int index = history.Count;
            WorkflowHistoryEvent? expected = index < recorded.Count ? recorded[index] : null;
            if (!entry.Equals(expected))
            {
                Mismatch = new ReplayMismatch(index, expected, entry);
                return false;
            }
        }

        history.Add(entry);
        return true;
    }
}
