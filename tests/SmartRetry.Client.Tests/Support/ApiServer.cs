using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SmartRetry.Client.Tests.Support;

/// <summary>A real loopback HTTP server (WireMock.Net) standing in for SmartRetry, shared by the tests of one class.</summary>
public sealed class ApiServer : IDisposable
{
    public ApiServer() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public Uri Url => new(Server.Url!);

    public IReadOnlyList<ILogEntry> Requests => [.. Server.LogEntries];

    public void Reset() => Server.Reset();

    /// <summary>Answers every request to <paramref name="path"/> with <paramref name="status"/> and a JSON body.</summary>
    public void Respond(string path, int status, string? body = null, IDictionary<string, string>? headers = null)
    {
        IResponseBuilder response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        foreach ((string name, string value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(path)).RespondWith(response);
    }

    /// <summary>Answers requests to <paramref name="path"/> with the given responses in turn; the last one repeats.</summary>
    public void RespondInTurn(string path, params IResponseBuilder[] responses)
    {
        const string Scenario = "in-turn";
        for (int i = 0; i < responses.Length; i++)
        {
            var mapping = Server.Given(Request.Create().WithPath(path)).InScenario(Scenario);
            mapping = i == 0 ? mapping : mapping.WhenStateIs($"step-{i}");
            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"step-{i + 1}");
            }

            mapping.RespondWith(responses[i]);
        }
    }

    public void Dispose() => Server.Stop();
}
