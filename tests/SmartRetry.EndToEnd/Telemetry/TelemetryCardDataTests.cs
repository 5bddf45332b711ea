using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SmartRetry.EndToEnd.Hosting;

namespace SmartRetry.EndToEnd.Telemetry;

/// <summary>
/// Everything the host and the app exported during the run (spans, attributes, metric tags, logs, exception messages),
/// searched for card data and secrets. It runs a sale and a series with a card itself, so it never passes on an empty export.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TelemetryCardDataTests(EndToEndApp app)
{
    private static readonly Regex[] CardData =
    [
        new(@"4111[\s-]?1111[\s-]?1111[\s-]?1111", RegexOptions.None, TimeSpan.FromSeconds(5)),
        new(@"(?i)cvv\W{0,8}123", RegexOptions.None, TimeSpan.FromSeconds(5)),
        new(@"(?i)expiry_?(month|year)\W{0,8}(12|2030)", RegexOptions.None, TimeSpan.FromSeconds(5)),
        new(@"\b12/(20)?30\b", RegexOptions.None, TimeSpan.FromSeconds(5)),
    ];

    [Fact]
    public async Task No_card_number_expiry_CVV_API_key_or_secret_is_in_anything_exported()
    {
        await app.Simulator.SetTimeFactorAsync(1);
        ApiResponse sale = await app.Api.PostAsync("payments/sale", Requests.Sale(Requests.NewId("scan"), 25.00m));
        Assert.Equal(HttpStatusCode.Accepted, sale.Status);
        string paymentId = sale.Text("payment_id");
        await app.Api.WaitForPaymentAsync(paymentId, EndToEndApp.Settles, "approved");
        DateOnly first = DateOnly.FromDateTime((await app.Simulator.NowAsync()).UtcDateTime.AddDays(1));
        ApiResponse series = await app.Api.PostAsync("recurring", Requests.MerchantSeries(Requests.NewId("scan"), 5.00m, first, numberOfPayments: 2));
        Assert.Equal(HttpStatusCode.Accepted, series.Status);
        await app.Api.WaitForPaymentAsync($"{series.Text("series_id")}-init", EndToEndApp.Settles, "approved");

        // The sale's spans and logs have arrived, so what is searched holds this payment's whole story.
        await app.Telemetry.WaitForSpansAsync(
            spans => spans.Any(s => s.Name == "function RecordPayment") && spans.Any(s => s.Attribute("durabletask.task.instance_id") == paymentId),
            EndToEndApp.Settles,
            $"the spans of sale {paymentId}");
        IReadOnlyList<(string Signal, string Text)> exported = await WaitForLogsMentioningAsync(paymentId);
        Assert.Contains(exported, e => e.Signal == "traces");
        Assert.Contains(exported, e => e.Signal == "metrics");

        string[] secrets =
        [
            EndToEndApp.ApiKey,
            EndToEndApp.WebhookSecret,
            app.HostSettings["Payments__Sealing__Keys__e2e1"],
            app.HostSettings["Payments__Cards__FingerprintKey"],
            AccountKey(app.StorageConnectionString),
        ];
        foreach ((string signal, string text) in exported)
        {
            foreach (Regex pattern in CardData)
            {
                if (pattern.Match(text) is { Success: true } found)
                {
                    Assert.Fail($"Card data ({pattern}) in exported {signal}: ...{Around(text, found.Index, found.Length)}...");
                }
            }

            foreach (string secret in secrets)
            {
                if (text.IndexOf(secret, StringComparison.Ordinal) is int at and >= 0)
                {
                    Assert.Fail($"A secret in exported {signal}: ...{Around(text, at, secret.Length)}...");
                }
            }
        }
    }

    private async Task<IReadOnlyList<(string Signal, string Text)>> WaitForLogsMentioningAsync(string paymentId)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + EndToEndApp.Settles;
        while (true)
        {
            // Latin-1 keeps every byte as one character, so text inside protobuf framing is searched as written.
            IReadOnlyList<(string Signal, string Text)> exported = [.. app.Telemetry.Payloads.Select(p => (p.Signal, Encoding.Latin1.GetString(p.Body)))];
            if (exported.Any(e => e.Signal == "logs" && e.Text.Contains(paymentId, StringComparison.Ordinal)))
            {
                return exported;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"No exported log mentions payment {paymentId}; the app's logs are not reaching the exporter.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static string AccountKey(string connectionString) =>
        connectionString.Split(';').Select(p => p.Split('=', 2)).First(p => p[0] == "AccountKey")[1];

    /// <summary>Where it was found, with the finding itself blanked so the failure message does not repeat it.</summary>
    private static string Around(string text, int index, int length)
    {
        int start = Math.Max(0, index - 80), end = Math.Min(text.Length, index + length + 80);
        return text[start..index] + "[FOUND]" + text[(index + length)..end];
    }
}
