using System.Text.Json;
using SmartRetry.Client.Webhooks;
using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Gateway;

namespace SmartRetry.Functions.Webhooks;

/// <summary>
/// Maps a verified webhook to its orchestration event (https://www.smartretry.com/docs/integration/webhooks): <c>transaction.*</c> by transaction id;
/// <c>recurring.*</c> by recurring id; <c>future_transaction.*</c> by future transaction id, then recurring id.
/// Types outside these families are not ours to route (null), nor is <c>transaction.pending</c>.
/// </summary>
public static class WebhookEventRouter
{
    public static WebhookRoute? Route(WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        string type = webhookEvent.Type;

        // "Still processing" tells a waiting orchestration nothing its submission did not: raising it would only cost the
        // orchestration a wake-up (three history events) per payment. It is stored and acknowledged like any delivery.
        if (type == WebhookEventTypes.TransactionPending)
        {
            return null;
        }

        if (type.StartsWith("transaction.", StringComparison.Ordinal))
        {
            var payload = new TransactionEvent(
                webhookEvent.Id,
                type,
                webhookEvent.CreatedAt,
                webhookEvent.TransactionId,
                ParseStatus(webhookEvent.Status),
                webhookEvent.ReasonCode,
                webhookEvent.AttemptNumber);
            return new WebhookRoute(OrchestrationEventNames.Transaction, payload, Correlations((CorrelationKind.Transaction, webhookEvent.TransactionId)));
        }

        bool recurring = type.StartsWith("recurring.", StringComparison.Ordinal);
        bool future = type.StartsWith("future_transaction.", StringComparison.Ordinal);
        if (!recurring && !future)
        {
            return null;
        }

        var recurringPayload = new RecurringEvent(
            webhookEvent.Id,
            type,
            webhookEvent.CreatedAt,
            webhookEvent.RecurringId,
            webhookEvent.TransactionId,
            webhookEvent.FutureTransactionId,
            DataDecimal(webhookEvent.Data, "amount"),
            DataString(webhookEvent.Data, "currency"),
            DataBoolean(webhookEvent.Data, "accepted"));
        return new WebhookRoute(
            RecurringEventNames.Recurring,
            recurringPayload,
            future
                ? Correlations((CorrelationKind.FutureTransaction, webhookEvent.FutureTransactionId), (CorrelationKind.Recurring, webhookEvent.RecurringId))
                : Correlations((CorrelationKind.Recurring, webhookEvent.RecurringId)));
    }

    private static WebhookCorrelation[] Correlations(params (CorrelationKind Kind, string? Id)[] candidates) =>
        [.. candidates.Where(c => !string.IsNullOrEmpty(c.Id)).Select(c => new WebhookCorrelation(c.Kind, c.Id!))];

    private static SmartRetryStatus? ParseStatus(string? status) => status?.ToUpperInvariant() switch
    {
        null => null,
        "PROCESSING" => SmartRetryStatus.Processing,
        "APPROVED" => SmartRetryStatus.Approved,
        "DECLINED" => SmartRetryStatus.Declined,
        "ERROR" => SmartRetryStatus.Error,
        "CANCELLED" => SmartRetryStatus.Cancelled,
        _ => SmartRetryStatus.Unknown,
    };

    private static decimal? DataDecimal(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out JsonElement value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal number)
            ? number
            : null;

    private static string? DataString(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool? DataBoolean(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out JsonElement value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
}

/// <summary>Where a webhook event goes: the orchestration event to raise and the SmartRetry ids that can name its instance, best first.</summary>
public sealed record WebhookRoute(string EventName, object Payload, IReadOnlyList<WebhookCorrelation> Correlations);

public sealed record WebhookCorrelation(CorrelationKind Kind, string SmartRetryId);
