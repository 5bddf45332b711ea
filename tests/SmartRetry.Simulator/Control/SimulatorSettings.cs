using Microsoft.Extensions.Options;

namespace SmartRetry.Simulator.Control;

/// <summary>The settings a test may change while the simulator runs (webhook target and faults); reset restores the start values.</summary>
internal sealed class SimulatorSettings(IOptions<SmartRetrySimulatorOptions> options)
{
    private readonly Lock gate = new();
    private Uri? webhookUrl = options.Value.WebhookUrl;
    private string webhookSecret = options.Value.WebhookSecret;
    private SimulatorFaults faults = options.Value.Faults.Clone();

    public (Uri? Url, string Secret) Webhook
    {
        get
        {
            lock (gate)
            {
                return (webhookUrl, webhookSecret);
            }
        }
    }

    public void SetWebhook(Uri? url, string? secret)
    {
        lock (gate)
        {
            webhookUrl = url;
            webhookSecret = secret ?? webhookSecret;
        }
    }

    public SimulatorFaults Faults
    {
        get
        {
            lock (gate)
            {
                return faults.Clone();
            }
        }
    }

    public void SetFaults(SimulatorFaults value)
    {
        lock (gate)
        {
            faults = value.Clone();
        }
    }

    /// <summary>Applies a change to the live faults atomically (e.g. consuming one of "the next N").</summary>
    public T UpdateFaults<T>(Func<SimulatorFaults, T> change)
    {
        lock (gate)
        {
            return change(faults);
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            webhookUrl = options.Value.WebhookUrl;
            webhookSecret = options.Value.WebhookSecret;
            faults = options.Value.Faults.Clone();
        }
    }
}
