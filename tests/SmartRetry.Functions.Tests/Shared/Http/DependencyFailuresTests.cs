using System.Net.Sockets;
using Azure;
using Grpc.Core;
using SmartRetry.Functions.Shared.Http;

namespace SmartRetry.Functions.Tests.Shared.Http;

public sealed class DependencyFailuresTests
{
    public static TheoryData<Exception> Outages => new()
    {
        new RequestFailedException(0, "no response"),
        new RequestFailedException(503, "server busy"),
        new RequestFailedException(500, "internal"),
        new RequestFailedException(429, "throttled"),
        new RequestFailedException(408, "timeout"),
        new AggregateException("Retry failed after 3 tries.", new TaskCanceledException("timeout"), new TaskCanceledException("timeout")),
        new RpcException(new Status(StatusCode.Unavailable, "host down")),
        new RpcException(new Status(StatusCode.Unknown, "Exception was thrown by handler.")),
        new RpcException(new Status(StatusCode.DeadlineExceeded, "slow")),
        new OperationCanceledException(),
        new TimeoutException(),
        new HttpRequestException("refused"),
        new IOException("reset"),
        new SocketException(),
        new InvalidOperationException("wrapped", new RequestFailedException(503, "server busy")),
    };

    public static TheoryData<Exception> Defects => new()
    {
        new RequestFailedException(400, "bad request"),
        new RequestFailedException(404, "not found"),
        new RequestFailedException(409, "conflict"),
        new AggregateException(new TaskCanceledException(), new ArgumentException("bug")),
        new AggregateException(),
        new RpcException(new Status(StatusCode.InvalidArgument, "bad")),
        new InvalidOperationException("bug"),
        new ArgumentNullException("x"),
        new System.Text.Json.JsonException("bad json"),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void An_outage_of_storage_the_durable_host_or_the_network_is_unavailable(Exception exception) =>
        Assert.True(DependencyFailures.IsUnavailable(exception));

    [Theory]
    [MemberData(nameof(Defects))]
    public void A_defect_of_ours_is_not_an_outage(Exception exception) =>
        Assert.False(DependencyFailures.IsUnavailable(exception));
}
