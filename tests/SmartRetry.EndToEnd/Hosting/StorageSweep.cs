using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace SmartRetry.EndToEnd.Hosting;

/// <summary>
/// Reads everything an app wrote to its storage (every table of its task hub, Durable's History and Instances
/// included, every blob of its task hub's containers, large-message blobs unzipped, and the messages waiting in its
/// queues), finds every sealed card envelope in it and opens each with the app's key: a card held in the vault opens
/// under its row's reference; any other envelope is tried unbound (the old format) and bound to every payment and
/// series id the app knows. Also looks for the test card number in the clear.
/// </summary>
internal static partial class StorageSweep
{
    private const int MinEnvelopeBytes = 1 + 12 + 16 + 20;

    public static async Task<SweepReport> RunAsync(EndToEndApp app, CancellationToken cancellationToken = default)
    {
        var tables = new TableServiceClient(app.StorageConnectionString);
        string hub = app.TaskHubName;
        var texts = new List<(string Where, string Text)>();
        var held = new List<HeldCardFound>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var statuses = new Dictionary<string, (string Status, string? TransactionId)>(StringComparer.Ordinal);
        int rows = 0, tableCount = 0;
        await foreach (Azure.Data.Tables.Models.TableItem table in tables.QueryAsync(cancellationToken: cancellationToken))
        {
            if (!table.Name.StartsWith(hub, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            tableCount++;
            bool isVault = table.Name.Equals(hub + "Cards", StringComparison.OrdinalIgnoreCase);
            await foreach (TableEntity row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                rows++;
                if (table.Name.Equals(hub + "Ledger", StringComparison.OrdinalIgnoreCase) && row.GetString("PaymentId") is { } paymentId && row.GetString("Status") is { } status)
                {
                    known.Add(paymentId);
                    statuses[paymentId] = (status, row.GetString("TransactionId"));
                }

                if (table.Name.Equals(hub + "RecurringSeries", StringComparison.OrdinalIgnoreCase))
                {
                    known.Add(row.RowKey);
                }

                if (isVault && row.GetString("Envelope") is { } envelope)
                {
                    string reference = row.GetString("Reference")!;
                    known.Add(reference);
                    held.Add(new HeldCardFound(reference, Open(app, envelope, [reference]) ?? throw new InvalidOperationException($"The vault's card for {reference} does not open.")));
                    continue;
                }

                foreach ((string name, object value) in row)
                {
                    texts.Add(($"table {table.Name} row {row.PartitionKey}/{row.RowKey} {name}", value switch
                    {
                        byte[] bytes => Text(bytes),
                        BinaryData data => Text(data.ToArray()),
                        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    }));
                }
            }
        }

        var blobs = new BlobServiceClient(app.StorageConnectionString);
        int blobCount = 0;
        await foreach (BlobContainerItem container in blobs.GetBlobContainersAsync(prefix: hub.ToLowerInvariant(), cancellationToken: cancellationToken))
        {
            BlobContainerClient client = blobs.GetBlobContainerClient(container.Name);
            await foreach (BlobItem blob in client.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                blobCount++;
                BinaryData content = (await client.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value.Content;
                texts.Add(($"blob {container.Name}/{blob.Name}", Text(content.ToArray())));
            }
        }

        var queues = new QueueServiceClient(app.StorageConnectionString);
        int messageCount = 0;
        await foreach (QueueItem queue in queues.GetQueuesAsync(prefix: hub.ToLowerInvariant(), cancellationToken: cancellationToken))
        {
            PeekedMessage[] messages = (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32, cancellationToken)).Value;
            foreach (PeekedMessage message in messages)
            {
                messageCount++;
                string body = message.Body.ToString();
                texts.Add(($"queue {queue.Name} message {message.MessageId}", body));
                if (TryBase64(body) is { } decoded)
                {
                    texts.Add(($"queue {queue.Name} message {message.MessageId} (base64)", Text(decoded)));
                }
            }
        }

        var elsewhere = new List<EnvelopeFound>();
        var clearPans = new List<string>();
        foreach ((string where, string raw) in texts)
        {
            string text = Unescape(raw);
            if (text.Contains(Requests.CardNumber, StringComparison.Ordinal))
            {
                clearPans.Add(where);
            }

            foreach (Match candidate in Base64Run().Matches(text))
            {
                if (Open(app, candidate.Value, known) is { } card)
                {
                    elsewhere.Add(new EnvelopeFound(where, card));
                }
            }
        }

        return new SweepReport(tableCount, rows, blobCount, messageCount, held, elsewhere, clearPans, statuses);
    }

    /// <summary>The card an envelope holds, when it opens with the app's key unbound or bound to one of <paramref name="holders"/>; else null.</summary>
    private static OpenedCard? Open(EndToEndApp app, string base64, IEnumerable<string> holders)
    {
        if (TryBase64(base64) is not { Length: >= MinEnvelopeBytes } envelope || envelope[0] is not (1 or 2))
        {
            return null;
        }

        byte[] keyId = Encoding.UTF8.GetBytes(app.SealingKeyId);
        IEnumerable<byte[]> associated = envelope[0] == 1
            ? [[1, .. keyId]]
            : holders.Select(holder => (byte[])[2, .. keyId, 0, .. Encoding.UTF8.GetBytes(holder)]);
        using var aes = new AesGcm(app.SealingKey, 16);
        byte[] plaintext = new byte[envelope.Length - 1 - 12 - 16];
        foreach (byte[] data in associated)
        {
            try
            {
                aes.Decrypt(envelope.AsSpan(1, 12), envelope.AsSpan(13, plaintext.Length), envelope.AsSpan(13 + plaintext.Length, 16), plaintext, data);
            }
            catch (AuthenticationTagMismatchException)
            {
                continue;
            }

            using JsonDocument card = JsonDocument.Parse(plaintext);
            return new OpenedCard(card.RootElement.TryGetProperty("c", out _), envelope[0]);
        }

        return null;
    }

    private static byte[]? TryBase64(string text)
    {
        byte[] buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out int written) ? buffer[..written] : null;
    }

    // Durable's large-message blobs are gzip; everything else is UTF-8 text (JSON) as stored.
    private static string Text(byte[] bytes)
    {
        if (bytes is [0x1F, 0x8B, ..])
        {
            using var zipped = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var unzipped = new MemoryStream();
            zipped.CopyTo(unzipped);
            bytes = unzipped.ToArray();
        }

        return Encoding.UTF8.GetString(bytes);
    }

    // JSON writers escape '+' and '/' in strings (System.Text.Json as \u002B); an envelope must be found either way.
    private static string Unescape(string text) => text
        .Replace("\\u002B", "+", StringComparison.OrdinalIgnoreCase)
        .Replace("\\u002F", "/", StringComparison.OrdinalIgnoreCase)
        .Replace("\\/", "/", StringComparison.Ordinal)
        .Replace("\\\"", "\"", StringComparison.Ordinal);

    [GeneratedRegex("[A-Za-z0-9+/]{80,}={0,2}")]
    private static partial Regex Base64Run();
}

/// <param name="HasCvv">The envelope holds a CVV.</param>
/// <param name="Version">1: unbound (the old format); 2: bound to its holder.</param>
internal sealed record OpenedCard(bool HasCvv, byte Version);

/// <summary>A card the vault holds, under the payment or series it was held for.</summary>
internal sealed record HeldCardFound(string Reference, OpenedCard Card);

/// <summary>An envelope found outside the vault: in Durable's tables, blobs or queues, or another table of the app.</summary>
internal sealed record EnvelopeFound(string Where, OpenedCard Card);

/// <param name="Statuses">Every payment in the ledger: its status and SmartRetry transaction id.</param>
internal sealed record SweepReport(
    int Tables,
    int Rows,
    int Blobs,
    int QueueMessages,
    IReadOnlyList<HeldCardFound> CardsHeld,
    IReadOnlyList<EnvelopeFound> EnvelopesElsewhere,
    IReadOnlyList<string> ClearCardNumbers,
    IReadOnlyDictionary<string, (string Status, string? TransactionId)> Statuses)
{
    private static readonly string[] FinalStatuses = ["Approved", "Declined", "Cancelled", "Error"];

    public bool IsFinal(string paymentId) => Statuses.TryGetValue(paymentId, out var entry) && FinalStatuses.Contains(entry.Status);

    public override string ToString() =>
        $"{Tables} tables ({Rows} rows), {Blobs} blobs, {QueueMessages} queue messages read; {Statuses.Count} payments " +
        $"({Statuses.Values.Count(s => FinalStatuses.Contains(s.Status))} final); {CardsHeld.Count} cards held in the vault " +
        $"({CardsHeld.Count(c => c.Card.HasCvv)} with a CVV); {EnvelopesElsewhere.Count} envelopes elsewhere; {ClearCardNumbers.Count} card numbers in the clear";
}
