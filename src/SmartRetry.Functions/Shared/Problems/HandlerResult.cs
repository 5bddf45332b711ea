using System.Net;

namespace SmartRetry.Functions.Shared.Problems;

/// <summary>
/// What a request handler tells the HTTP layer to answer: a status code with either a body (success) or problem
/// details (failure). Bad input is a result, never an exception.
/// </summary>
public sealed record HandlerResult<T>(HttpStatusCode StatusCode, T? Body, PaymentsProblem? Problem)
    where T : class
{
    public bool IsSuccess => Problem is null;
}

public static class HandlerResult
{
    public static HandlerResult<T> Success<T>(HttpStatusCode statusCode, T body)
        where T : class => new(statusCode, body, null);

    public static HandlerResult<T> Failure<T>(PaymentsProblem problem)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new((HttpStatusCode)problem.Status, null, problem);
    }
}
