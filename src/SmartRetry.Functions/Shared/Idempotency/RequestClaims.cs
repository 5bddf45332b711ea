using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Shared.Idempotency;

/// <summary>
/// The claim every request that schedules an orchestration shares (sales, refunds). The claim (insert-if-absent on the
/// idempotency record) decides which of any number of identical concurrent requests schedules. A repeat after
/// scheduling answers as the first did; a repeat while the first is still scheduling is asked to retry (as the IETF
/// Idempotency-Key draft does), because a 202 then would be a promise the first request might still fail to keep. A
/// claim whose holder died is taken over after the lease, so no accepted request is lost.
/// </summary>
public sealed partial class RequestClaims(IIdempotencyStore store, ILogger<RequestClaims> logger)
{
    /// <summary>
    /// How long a best-effort clean-up after a failure may take. It follows a failure that is often storage itself, so
    /// it usually fails too; the request's answer (503) must not wait for the storage SDK's full retries a second time.
    /// </summary>
    public static readonly TimeSpan BestEffortTimeout = TimeSpan.FromSeconds(3);

    /// <param name="durable">The invocation's orchestration client, to see whether a dead holder had scheduled.</param>
    /// <param name="candidate">The record to claim; its <see cref="IdempotencyRecord.ClaimedAt"/> is now.</param>
    /// <param name="isSameRequest">Whether the record on file was made by the same request as this one.</param>
    /// <param name="lease">How long a holder may take before an identical request takes its claim over.</param>
    public async Task<RequestClaim> ClaimAsync(
        DurableTaskClient durable, IdempotencyRecord candidate, Func<IdempotencyRecord, bool> isSameRequest, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(isSameRequest);
        IdempotencyClaim claim = await store.ClaimAsync(candidate, cancellationToken);
        IdempotencyRecord held = claim.Record;
        if (claim.IsNew)
        {
            return new RequestClaim(RequestClaimOutcome.Claimed, held);
        }

        if (!isSameRequest(held))
        {
            return new RequestClaim(RequestClaimOutcome.Conflict, held);
        }

        if (held.State == IdempotencyState.Completed)
        {
            return new RequestClaim(RequestClaimOutcome.Completed, held);
        }

        IdempotencyRecord? takenOver = candidate.ClaimedAt - held.ClaimedAt >= lease
            ? await store.TryTakeOverAsync(held, candidate.ClaimedAt, cancellationToken)
            : null;
        if (takenOver is null)
        {
            return new RequestClaim(RequestClaimOutcome.InProgress, held);
        }

        LogTakenOver(logger, takenOver.InstanceId);

        // The holder may have died after scheduling; Durable would silently replace a finished instance, so look first.
        if (await durable.GetInstanceStateAsync(takenOver.InstanceId, cancellationToken) is not null)
        {
            await store.CompleteAsync(takenOver, cancellationToken);
            return new RequestClaim(RequestClaimOutcome.Completed, takenOver);
        }

        return new RequestClaim(RequestClaimOutcome.Claimed, takenOver);
    }

    /// <summary>The record on file under <paramref name="key"/>, if any.</summary>
    public Task<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken) => store.GetAsync(key, cancellationToken);

    /// <summary>Marks the claimed request carried out: repeats now answer as it did.</summary>
    public Task<bool> CompleteAsync(IdempotencyRecord held, CancellationToken cancellationToken) => store.CompleteAsync(held, cancellationToken);

    /// <summary>
    /// Gives the claim up after a failure, so that an immediate retry of the request takes over instead of waiting out
    /// the lease. Best effort: the claim lapses after the lease anyway, and the failure is the error to report.
    /// </summary>
    public async Task ReleaseAsync(IdempotencyRecord held)
    {
        try
        {
            using var bound = new CancellationTokenSource(BestEffortTimeout);
            await store.ReleaseAsync(held, bound.Token);
        }
        catch (Exception exception)
        {
            LogReleaseFailed(logger, exception);
        }
    }

    /// <summary>
    /// Drops the claim of a request that was refused before it changed anything, so the key is free for a corrected
    /// request. Best effort: a claim left behind lapses after the lease and is then taken over.
    /// </summary>
    public async Task ForgetAsync(IdempotencyRecord held)
    {
        try
        {
            using var bound = new CancellationTokenSource(BestEffortTimeout);
            await store.ForgetAsync(held, bound.Token);
        }
        catch (Exception exception)
        {
            LogReleaseFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request for {InstanceId} takes over a stale claim whose holder did not finish scheduling")]
    private static partial void LogTakenOver(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving up a request claim failed; it lapses after the claim lease")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}

/// <summary>What a request learnt from claiming its idempotency key, and the record it now holds or found.</summary>
public sealed record RequestClaim(RequestClaimOutcome Outcome, IdempotencyRecord Record);

public enum RequestClaimOutcome
{
    /// <summary>This request holds the claim and must carry the request out, then complete or release the claim.</summary>
    Claimed,

    /// <summary>The key was used for a different request.</summary>
    Conflict,

    /// <summary>An identical request was carried out already: answer as it was answered.</summary>
    Completed,

    /// <summary>An identical request is being carried out right now: ask the caller to retry shortly.</summary>
    InProgress,
}

/// <summary>The answer to a claim: <paramref name="IsNew"/> when this caller inserted the record and must carry the request out.</summary>
/// <param name="Record">The record now on file: the caller's own when new, otherwise the one that was there.</param>
public sealed record IdempotencyClaim(bool IsNew, IdempotencyRecord Record);
