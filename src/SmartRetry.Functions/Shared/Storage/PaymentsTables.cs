using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace SmartRetry.Functions.Shared.Storage;

/// <summary>
/// Hands out the app's tables, creating each one once per process on first use (or all of them through
/// <see cref="EnsureCreatedAsync"/> at start-up), never per call. A failed creation is retried by the next caller.
/// </summary>
public sealed class PaymentsTables
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<PaymentsTable, Lazy<Task<TableClient>>> _tables = new();

    public PaymentsTables(TableServiceClient service, IOptions<PaymentsStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _service = service;
        _prefix = options.Value.TableNamePrefix;
    }

    public string NameOf(PaymentsTable table) => _prefix + table;

    public IEnumerable<string> AllNames => Enum.GetValues<PaymentsTable>().Select(NameOf);

    public async Task<TableClient> GetAsync(PaymentsTable table, CancellationToken cancellationToken)
    {
        Lazy<Task<TableClient>> creation = _tables.GetOrAdd(table, t => new Lazy<Task<TableClient>>(() => CreateAsync(t)));
        try
        {
            // Creation is shared by every caller, so one caller's cancellation only stops its own wait.
            return await creation.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (creation.Value.IsFaulted)
        {
            _tables.TryRemove(new KeyValuePair<PaymentsTable, Lazy<Task<TableClient>>>(table, creation));
            throw;
        }
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (PaymentsTable table in Enum.GetValues<PaymentsTable>())
        {
            await GetAsync(table, cancellationToken);
        }
    }

    private async Task<TableClient> CreateAsync(PaymentsTable table)
    {
        TableClient client = _service.GetTableClient(NameOf(table));
        await client.CreateIfNotExistsAsync(CancellationToken.None);
        return client;
    }
}
