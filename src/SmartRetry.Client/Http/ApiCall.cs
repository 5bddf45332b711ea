using RestSharp;

namespace SmartRetry.Client.Http;

/// <summary>
/// One logical SmartRetry call. <see cref="Body"/> is serialized once, before the first attempt, so every retry sends
/// the identical bytes with the identical <see cref="IdempotencyKey"/>.
/// </summary>
internal sealed record ApiCall(
    string Operation,
    Method Method,
    string Resource,
    byte[]? Body = null,
    string? IdempotencyKey = null,
    KeyValuePair<string, string>? Query = null,
    bool Authenticated = true,
    bool Retried = true);
