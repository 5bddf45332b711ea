using System.Net.Sockets;
using Azure;
using Grpc.Core;

namespace SmartRetry.Functions.Shared.Http;

/// <summary>
/// Tells an outage of what a request depends on (Azure Storage through the Azure SDK, the Durable host over gRPC, the
/// network) from a defect of ours. An outage is answered 503 with <c>Retry-After</c>: repeating the request later
/// completes or replays it, because every activity before the failure was idempotent.
/// </summary>
internal static class DependencyFailures
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        // The Azure SDK gives up after its retries with an AggregateException of the attempts' failures.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,

        // A call to the Durable host: it answers Unknown or Internal when its own storage calls fail.
        RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted
            or StatusCode.Cancelled or StatusCode.Aborted or StatusCode.Internal or StatusCode.Unknown,

        // A per-call timeout of ours or the SDK's network timeout (the caller's own abort is told apart before this).
        OperationCanceledException or TimeoutException => true,
        HttpRequestException or IOException or SocketException => true,
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
