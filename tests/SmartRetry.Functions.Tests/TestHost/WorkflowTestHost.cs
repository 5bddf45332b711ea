using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.TestHost;

/// <summary>
/// Runs orchestrations deterministically on virtual time, the way Durable Functions would: one logical thread per
/// execution, timers that fire only when the test moves the clock (in fire-time order), activities executed
/// in-process, events raised by the test, every payload through JSON with <c>PaymentsJson.Options</c>, and a recorded
/// history per generation. After every activity each changed generation is replayed from its start against its history
/// (<see cref="ReplayCheck"/>), so non-deterministic orchestration code fails the test as it would break replay in Azure.
/// Each public operation is one host step: it runs everything it causes until the orchestrations are idle again. Operations
/// are serialized, so the host can also serve as the Durable client (<see cref="Client"/>) of concurrent callers.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim gate never allocates a wait handle (AvailableWaitHandle is not used), so it holds nothing to dispose.")]
public sealed class WorkflowTestHost
{
    /// <summary>Where the virtual clock starts unless the test chooses otherwise.</summary>
    public static readonly DateTime DefaultStartTime = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly MethodInfo RegisterStepWithResult = typeof(WorkflowTestHost).GetMethod(nameof(RegisterStepCall), 2, BindingFlags.NonPublic | BindingFlags.Instance, [typeof(string), typeof(Func<object?, CancellationToken, object>)])!;

    private static readonly MethodInfo RegisterStepWithoutResult = typeof(WorkflowTestHost).GetMethod(nameof(RegisterStepCall), 1, BindingFlags.NonPublic | BindingFlags.Instance, [typeof(string), typeof(Func<object?, CancellationToken, object>)])!;

    private readonly Dictionary<string, WorkflowRegistration> workflows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ActivityRegistration> activities = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, WorkflowTestInstance> instances = new(StringComparer.Ordinal);
    private readonly Queue<Func<Task>> work = new();
    private readonly List<ScheduledTimer> timers = [];
    private readonly List<ActivityCall> activityCalls = [];
    private readonly HashSet<string> heldActivities = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(WorkflowGeneration Generation, ActivityScheduled Scheduled)> activitiesInFlight = [];
    private readonly List<SwallowedEvent> swallowedEvents = [];
    private readonly List<WorkflowLogRecord> logs = [];
    private readonly List<WorkflowGeneration> changedSinceReplayCheck = [];
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ILoggerFactory loggerFactory;
    private long timerSequence;

    public WorkflowTestHost(DateTime? startTimeUtc = null, ILoggerFactory? loggerFactory = null)
    {
        UtcNow = startTimeUtc ?? DefaultStartTime;
        if (UtcNow.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("The virtual clock runs in UTC.", nameof(startTimeUtc));
        }

        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Client = new TestDurableClient(this);
    }

    /// <summary>The virtual clock.</summary>
    public DateTime UtcNow { get; private set; }

    /// <summary>Replay every changed generation after each host step and fail on a different decision. On by default.</summary>
    public bool ReplayCheck { get; set; } = true;

    /// <summary>This host as the Durable client HTTP functions, the webhook intake and the reconciler are given.</summary>
    public DurableTaskClient Client { get; }

    public IReadOnlyCollection<WorkflowTestInstance> Instances => instances.Values;

    public IReadOnlyList<ActivityCall> ActivityCalls => activityCalls;

    public IReadOnlyList<SwallowedEvent> SwallowedEvents => swallowedEvents;

    /// <summary>Calls of held activities that have been scheduled but not run yet (see <see cref="HoldActivity"/>).</summary>
    public int ActivitiesInFlight => activitiesInFlight.Count;

    /// <summary>What orchestrations logged through their replay-safe loggers (each line once: replays log nothing).</summary>
    public IReadOnlyList<WorkflowLogRecord> Logs => logs;

    public IReadOnlyList<PendingTimer> PendingTimers =>
        [.. timers.OrderBy(t => t.FireAt).ThenBy(t => t.Sequence).Select(t => new PendingTimer(t.InstanceId, t.TaskId, t.FireAt))];

    /// <summary>Every input, output, activity input and result, event payload, custom status and failure message recorded, in all generations.</summary>
    public IEnumerable<string> SerializedPayloads =>
        instances.Values.SelectMany(i => i.Generations).SelectMany(g => g.History).SelectMany(e => e.Payloads);

    public WorkflowTestHost RegisterWorkflow<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> workflow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(workflow);
        workflows[name] = WorkflowRegistration.Create(name, workflow);
        return this;
    }

    /// <summary>Registers an orchestration as the host declares it (<c>[Function] … RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)</c>): it reads its own input.</summary>
    public WorkflowTestHost RegisterOrchestration<TOutput>(string name, Func<TaskOrchestrationContext, Task<TOutput>> orchestration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(orchestration);
        workflows[name] = WorkflowRegistration.Create(name, orchestration);
        return this;
    }

    /// <summary>
    /// Registers an activity the way the Functions host finds it: the method of <paramref name="activity"/> that carries
    /// <c>[Function(name)]</c>, called with its <c>[ActivityTrigger]</c> input, a Durable client when it takes one
    /// (<paramref name="durable"/>), and a cancellation token. Tests build the class with their fakes; the name and the
    /// call come from the class itself. The client cannot be this host's own <see cref="Client"/>: an activity runs
    /// inside a host step, and the client's calls are host steps too, serialized with it.
    /// </summary>
    public WorkflowTestHost RegisterStep(object activity, DurableTaskClient? durable = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Type type = activity.GetType();
        (MethodInfo run, string name) = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(method => (Method: method, Function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(found => found.Function is not null)
            .Select(found => (found.Method, found.Function!.Name))
            .SingleOrDefault();
        if (run is null)
        {
            throw new ArgumentException($"{type.Name} has no [Function] method.", nameof(activity));
        }

        ParameterInfo[] parameters = run.GetParameters();
        bool takesClient = parameters.Any(p => p.ParameterType == typeof(DurableTaskClient));
        if (takesClient && durable is null)
        {
            throw new ArgumentException($"{type.Name} takes a Durable client per call; pass one.", nameof(durable));
        }

        Func<object?, CancellationToken, object> call = (input, cancellationToken) =>
            run.Invoke(activity, BindingFlags.DoNotWrapExceptions, binder: null, takesClient ? [input, durable, cancellationToken] : [input, cancellationToken], culture: null)!;
        Type inputType = parameters[0].ParameterType;
        MethodInfo register = run.ReturnType.IsGenericType
            ? RegisterStepWithResult.MakeGenericMethod(inputType, run.ReturnType.GetGenericArguments()[0])
            : RegisterStepWithoutResult.MakeGenericMethod(inputType);
        return (WorkflowTestHost)register.Invoke(this, BindingFlags.DoNotWrapExceptions, binder: null, [name, call], culture: null)!;
    }

    private WorkflowTestHost RegisterStepCall<TInput, TResult>(string name, Func<object?, CancellationToken, object> call) =>
        RegisterActivity<TInput, TResult>(name, (input, cancellationToken) => (Task<TResult>)call(input, cancellationToken));

    private WorkflowTestHost RegisterStepCall<TInput>(string name, Func<object?, CancellationToken, object> call) =>
        RegisterActivity<TInput>(name, (input, cancellationToken) => (Task)call(input, cancellationToken));

    public WorkflowTestHost RegisterActivity<TInput, TResult>(string name, Func<TInput, CancellationToken, Task<TResult>> activity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(activity);
        activities[name] = ActivityRegistration.Create(name, activity);
        return this;
    }

    public WorkflowTestHost RegisterActivity<TInput, TResult>(string name, Func<TInput, TResult> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return RegisterActivity<TInput, TResult>(name, (input, _) => Task.FromResult(activity(input)));
    }

    public WorkflowTestHost RegisterActivity<TInput>(string name, Func<TInput, CancellationToken, Task> activity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(activity);
        activities[name] = ActivityRegistration.Create(name, activity);
        return this;
    }

    /// <summary>
    /// Keeps calls of activity <paramref name="name"/> in flight instead of running them at once, so the test can raise
    /// events or move time while the orchestration awaits the activity, as happens when a real activity takes time.
    /// </summary>
    public WorkflowTestHost HoldActivity(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        heldActivities.Add(name);
        return this;
    }

    /// <summary>Calls of <paramref name="name"/> scheduled from now on run at once again; those in flight wait for <see cref="ReleaseActivityAsync"/>.</summary>
    public WorkflowTestHost StopHoldingActivity(string name)
    {
        heldActivities.Remove(name);
        return this;
    }

    /// <summary>Runs the calls of <paramref name="name"/> in flight now, in the order they were scheduled; later calls are held again.</summary>
    public Task ReleaseActivityAsync(string name) => StepAsync(async () =>
    {
        var released = activitiesInFlight.Where(a => string.Equals(a.Scheduled.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        activitiesInFlight.RemoveAll(released.Contains);
        foreach ((WorkflowGeneration generation, ActivityScheduled scheduled) in released)
        {
            await RunActivityAsync(generation, scheduled, hold: false);
        }

        return released.Count;
    });

    public int CountActivityCalls(string name) => activityCalls.Count(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<T?> ActivityInputs<T>(string name) =>
        [.. activityCalls.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).Select(c => c.ReadInput<T>())];

    public WorkflowTestInstance GetInstance(string instanceId) =>
        instances.TryGetValue(instanceId, out WorkflowTestInstance? instance)
            ? instance
            : throw new KeyNotFoundException($"No workflow instance '{instanceId}'. Instances: {string.Join(", ", instances.Keys)}.");

    public bool TryGetInstance(string instanceId, out WorkflowTestInstance? instance) => instances.TryGetValue(instanceId, out instance);

    /// <summary>Starts an instance (at <paramref name="startAt"/> if that is in the future) and runs it until idle.</summary>
    public Task<WorkflowTestInstance> StartAsync(string workflowName, string instanceId, object? input, DateTime? startAt = null) =>
        StepAsync(() => Task.FromResult(Schedule(workflowName, instanceId, input, startAt)));

    /// <summary>Raises an event now; buffered per name when the orchestration is not waiting for it.</summary>
    public Task<RaiseEventResult> RaiseEventAsync(string instanceId, string eventName, object? payload) =>
        StepAsync(() => Task.FromResult(Raise(instanceId, eventName, payload)));

    /// <summary>Moves the clock forward, firing every timer due on the way in fire-time order, each at its own time.</summary>
    public Task AdvanceTimeAsync(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        return StepAsync(async () =>
        {
            DateTime target = UtcNow + by;
            while (NextTimer() is { } next && next.FireAt <= target)
            {
                await FireAsync(next);
            }

            UtcNow = target;
            return true;
        });
    }

    /// <summary>Moves the clock to the earliest pending timer and fires it. Returns the new time.</summary>
    public Task<DateTime> AdvanceToNextTimerAsync() => StepAsync(async () =>
    {
        ScheduledTimer next = NextTimer() ?? throw new InvalidOperationException("No timer is pending; the workflows are waiting for events or have finished.");
        await FireAsync(next);
        return UtcNow;
    });

    /// <summary>Fires timers one by one until the instance finishes; fails when it waits for an event that nobody will raise.</summary>
    public Task<WorkflowTestInstance> RunToCompletionAsync(string instanceId, int maxTimers = 10_000) => StepAsync(async () =>
    {
        WorkflowTestInstance instance = GetInstance(instanceId);
        for (int fired = 0; !instance.IsFinished; fired++)
        {
            if (fired == maxTimers)
            {
                throw new InvalidOperationException($"Instance '{instanceId}' did not finish after {maxTimers} timers.");
            }

            ScheduledTimer next = NextTimer()
                ?? throw new InvalidOperationException($"Instance '{instanceId}' is {instance.RuntimeStatus} and waits for an event: no timer is pending.");
            await FireAsync(next);
        }

        return instance;
    });

    /// <summary>Replays every generation of every instance now, whatever <see cref="ReplayCheck"/> says.</summary>
    public void VerifyReplay()
    {
        foreach (WorkflowGeneration generation in instances.Values.SelectMany(i => i.Generations))
        {
            WorkflowReplayChecker.Verify(workflows[generation.Instance.WorkflowName], generation);
        }
    }

    internal Task<T> StepAsync<T>(Func<Task<T>> step) => GatedAsync(async () =>
    {
        T result = await step();
        await RunUntilIdleAsync();
        return result;
    });

    /// <summary>False when an instance of that id is still running.</summary>
    internal Task<bool> ScheduleUnlessRunningAsync(string workflowName, string instanceId, object? input, DateTime? startAt) =>
        StepAsync(() =>
        {
            if (instances.TryGetValue(instanceId, out WorkflowTestInstance? existing) && !existing.IsFinished)
            {
                return Task.FromResult(false);
            }

            Schedule(workflowName, instanceId, input, startAt);
            return Task.FromResult(true);
        });

    internal Task<OrchestrationMetadata?> GetMetadataAsync(string instanceId, bool getInputsAndOutputs) =>
        GatedAsync(() => Task.FromResult(instances.TryGetValue(instanceId, out WorkflowTestInstance? instance) ? instance.ToMetadata(getInputsAndOutputs) : null));

    internal Task<bool> RestartAsync(string instanceId) => StepAsync(() =>
    {
        if (!instances.TryGetValue(instanceId, out WorkflowTestInstance? existing) || !existing.IsFinished || existing.Generations.Count == 0)
        {
            return Task.FromResult(false);
        }

        string? input = existing.Generations[0].InputJson;
        Schedule(existing.WorkflowName, instanceId, input is null ? null : System.Text.Json.JsonDocument.Parse(input).RootElement.Clone(), startAt: null);
        return Task.FromResult(true);
    });

    internal Task<bool> TerminateAsync(string instanceId, string reason) => GatedAsync(() =>
    {
        if (!instances.TryGetValue(instanceId, out WorkflowTestInstance? instance) || instance.IsFinished || instance.Generations.Count == 0)
        {
            return Task.FromResult(false);
        }

        WorkflowGeneration generation = instance.CurrentGeneration;
        generation.Abandon();
        timers.RemoveAll(t => t.Generation == generation);
        instance.Finish(OrchestrationRuntimeStatus.Terminated, WorkflowJson.Serialize(reason), null, null, UtcNow);
        return Task.FromResult(true);
    });

    internal Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore) => GatedAsync(() =>
    {
        string[] purged = [.. instances.Values.Where(i => i.IsFinished && i.CreatedAt < createdBefore.UtcDateTime).Select(i => i.InstanceId)];
        foreach (string instanceId in purged)
        {
            instances.Remove(instanceId);
        }

        return Task.FromResult(purged.Length);
    });

    internal ILoggerFactory CreateWorkflowLoggers(string instanceId) => new CapturingLoggerFactory(instanceId, logs, loggerFactory);

    internal void MarkChanged(WorkflowGeneration generation)
    {
        if (!changedSinceReplayCheck.Contains(generation))
        {
            changedSinceReplayCheck.Add(generation);
        }
    }

    internal void OnEventSwallowed(SwallowedEvent swallowed) => swallowedEvents.Add(swallowed);

    /// <summary>Carries out a live decision. Anything that runs orchestration code is queued, never run inside the deciding orchestration's turn.</summary>
    internal void OnDecision(WorkflowGeneration generation, WorkflowHistoryEvent decision)
    {
        WorkflowTestInstance instance = generation.Instance;
        switch (decision)
        {
            case ActivityScheduled scheduled:
                work.Enqueue(() => RunActivityAsync(generation, scheduled, hold: heldActivities.Contains(scheduled.Name)));
                break;
            case TimerCreated created:
                timers.Add(new ScheduledTimer(created.FireAt, timerSequence++, instance.InstanceId, generation, created.TaskId,
                    () => generation.Deliver(new TimerFired(UtcNow, created.TaskId))));
                break;
            case TimerCancelled cancelled:
                timers.RemoveAll(t => t.Generation == generation && t.TaskId == cancelled.TaskId);
                break;
            case SubWorkflowScheduled scheduled:
                work.Enqueue(() => StartSubWorkflowAsync(generation, scheduled));
                break;
            case CustomStatusSet status:
                instance.SetCustomStatus(status.StatusJson, UtcNow);
                break;
            case ContinuedAsNewWithInput continued:
                timers.RemoveAll(t => t.Generation == generation);
                work.Enqueue(() =>
                {
                    StartGeneration(instance, continued.InputJson, carriedEvents: generation.TakeBufferedEvents());
                    return Task.CompletedTask;
                });
                break;
            case ExecutionCompleted completed:
                Finish(generation, OrchestrationRuntimeStatus.Completed, completed.OutputJson, null, null);
                break;
            case ExecutionFailed failed:
                Finish(generation, OrchestrationRuntimeStatus.Failed, null, failed.ErrorType, failed.ErrorMessage);
                break;
        }
    }

    private async Task<T> GatedAsync<T>(Func<Task<T>> operation)
    {
        await gate.WaitAsync();
        try
        {
            return await operation();
        }
        finally
        {
            gate.Release();
        }
    }

    private WorkflowTestInstance Schedule(string workflowName, string instanceId, object? input, DateTime? startAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (!workflows.ContainsKey(workflowName))
        {
            throw new InvalidOperationException($"No workflow registered as '{workflowName}'.");
        }

        if (instances.TryGetValue(instanceId, out WorkflowTestInstance? existing) && !existing.IsFinished)
        {
            throw new InvalidOperationException($"Instance '{instanceId}' is already {existing.RuntimeStatus}.");
        }

        var instance = new WorkflowTestInstance(instanceId, workflowName, UtcNow, parent: null);
        instances[instanceId] = instance;
        string? inputJson = WorkflowJson.Serialize(input);
        if (startAt is { } at && at > UtcNow)
        {
            timers.Add(new ScheduledTimer(at, timerSequence++, instanceId, Generation: null, TaskId: null, () => StartGeneration(instance, inputJson, carriedEvents: [])));
        }
        else
        {
            StartGeneration(instance, inputJson, carriedEvents: []);
        }

        return instance;
    }

    private RaiseEventResult Raise(string instanceId, string eventName, object? payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (!instances.TryGetValue(instanceId, out WorkflowTestInstance? instance))
        {
            return RaiseEventResult.InstanceNotFound;
        }

        if (instance.IsFinished)
        {
            return RaiseEventResult.InstanceFinished;
        }

        string? payloadJson = WorkflowJson.Serialize(payload);
        if (instance.Generations.Count == 0 || instance.CurrentGeneration.IsFinished)
        {
            instance.HoldEvent(eventName, payloadJson);
        }
        else
        {
            instance.CurrentGeneration.Deliver(new EventRaised(UtcNow, eventName, payloadJson));
        }

        return RaiseEventResult.Raised;
    }

    private void StartGeneration(WorkflowTestInstance instance, string? inputJson, IReadOnlyList<(string Name, string? PayloadJson)> carriedEvents)
    {
        WorkflowGeneration generation = instance.AddGeneration(this, inputJson, UtcNow);
        generation.Start(workflows[instance.WorkflowName]);
        MarkChanged(generation);
        foreach ((string name, string? payloadJson) in carriedEvents.Concat(instance.TakeHeldEvents()))
        {
            generation.Deliver(new EventRaised(UtcNow, name, payloadJson));
        }
    }

    private Task StartSubWorkflowAsync(WorkflowGeneration parent, SubWorkflowScheduled scheduled)
    {
        if (!workflows.TryGetValue(scheduled.Name, out WorkflowRegistration? workflow))
        {
            throw new InvalidOperationException($"No workflow registered as '{scheduled.Name}' (called as a sub-workflow by '{parent.Instance.InstanceId}').");
        }

        if (instances.TryGetValue(scheduled.InstanceId, out WorkflowTestInstance? existing) && !existing.IsFinished)
        {
            parent.Deliver(new SubWorkflowFailed(UtcNow, scheduled.TaskId, typeof(InvalidOperationException).FullName!, $"Instance '{scheduled.InstanceId}' is already running."));
            return Task.CompletedTask;
        }

        var child = new WorkflowTestInstance(scheduled.InstanceId, workflow.Name, UtcNow, (parent, scheduled.TaskId));
        instances[child.InstanceId] = child;
        StartGeneration(child, scheduled.InputJson, carriedEvents: []);
        return Task.CompletedTask;
    }

    private async Task RunActivityAsync(WorkflowGeneration generation, ActivityScheduled scheduled, bool hold)
    {
        if (!activities.TryGetValue(scheduled.Name, out ActivityRegistration? activity))
        {
            throw new InvalidOperationException($"No activity registered as '{scheduled.Name}' (called by '{generation.Instance.InstanceId}').");
        }

        if (hold)
        {
            activitiesInFlight.Add((generation, scheduled));
            return;
        }

        activityCalls.Add(new ActivityCall(activity.Name, generation.Instance.InstanceId, scheduled.InputJson, UtcNow));
        WorkflowHistoryEvent outcome;
        try
        {
            outcome = new ActivityCompleted(UtcNow, scheduled.TaskId, await activity.Invoke(scheduled.InputJson, CancellationToken.None));
        }
#pragma warning disable CA1031 // Any exception an activity throws reaches the workflow as a task failure, as in Durable.
        catch (Exception e)
#pragma warning restore CA1031
        {
            outcome = new ActivityFailed(UtcNow, scheduled.TaskId, e.GetType().FullName!, e.Message);
        }

        generation.Deliver(outcome);
    }

    private void Finish(WorkflowGeneration generation, OrchestrationRuntimeStatus status, string? outputJson, string? failureType, string? failureMessage)
    {
        WorkflowTestInstance instance = generation.Instance;
        timers.RemoveAll(t => t.Generation == generation);
        instance.Finish(status, outputJson, failureType, failureMessage, UtcNow);
        if (instance.Parent is ({ } parent, int taskId))
        {
            WorkflowHistoryEvent outcome = status == OrchestrationRuntimeStatus.Completed
                ? new SubWorkflowCompleted(UtcNow, taskId, outputJson)
                : new SubWorkflowFailed(UtcNow, taskId, failureType!, failureMessage!);
            work.Enqueue(() =>
            {
                parent.Deliver(outcome);
                return Task.CompletedTask;
            });
        }
    }

    private ScheduledTimer? NextTimer() => timers.OrderBy(t => t.FireAt).ThenBy(t => t.Sequence).FirstOrDefault();

    private async Task FireAsync(ScheduledTimer timer)
    {
        if (timer.FireAt > UtcNow)
        {
            UtcNow = timer.FireAt;
        }

        timers.Remove(timer);
        timer.Fire();
        await RunUntilIdleAsync();
    }

    /// <summary>Runs queued work and timers already due until nothing is left, then replay-checks what changed.</summary>
    private async Task RunUntilIdleAsync()
    {
        while (true)
        {
            if (work.TryDequeue(out Func<Task>? next))
            {
                await next();
            }
            else if (NextTimer() is { } due && due.FireAt <= UtcNow)
            {
                timers.Remove(due);
                due.Fire();
            }
            else
            {
                break;
            }
        }

        if (instances.Values.SelectMany(i => i.Generations).FirstOrDefault(g => g.Violation is not null) is { } violating)
        {
            throw new InvalidOperationException($"Instance '{violating.Instance.InstanceId}': {violating.Violation}");
        }

        if (ReplayCheck)
        {
            foreach (WorkflowGeneration generation in changedSinceReplayCheck)
            {
                WorkflowReplayChecker.Verify(workflows[generation.Instance.WorkflowName], generation);
            }
        }

        changedSinceReplayCheck.Clear();
    }

    private sealed record ScheduledTimer(DateTime FireAt, long Sequence, string InstanceId, WorkflowGeneration? Generation, int? TaskId, Action Fire);
}
