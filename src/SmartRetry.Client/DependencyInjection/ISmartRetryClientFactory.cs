namespace SmartRetry.Client;

/// <summary>
/// The clients registered by name, one per SmartRetry terminal (or account) a merchant holds, in the way of the Azure
/// SDK's <c>IAzureClientFactory</c>: <c>AddSmartRetryClient("eu", ...)</c>, then <c>CreateClient("eu")</c>.
/// </summary>
public interface ISmartRetryClientFactory
{
    /// <summary>The client registered under <paramref name="name"/>: one instance per name for the container's lifetime.</summary>
    /// <exception cref="InvalidOperationException">No client was registered under that name.</exception>
    SmartRetryClient CreateClient(string name);
}
