namespace SmartRetry.Functions.Http;

/// <summary>The body of a <c>202 Accepted</c>: what was accepted and where to follow it.</summary>
public sealed record AcceptedResponse(string Id, ResourceLinks Links);

/// <summary>Links to our own API (never Durable's management URLs, which carry the task hub's system key).</summary>
public sealed record ResourceLinks(Uri Status);
