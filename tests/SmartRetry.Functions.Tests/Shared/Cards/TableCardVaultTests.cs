using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Gateway;
using SmartRetry.Functions.Shared.Storage;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Cards;

[Collection(AzuriteTests.Name)]
public sealed class TableCardVaultTests(AzuriteFixture azurite)
{
    private static readonly CardDetails Card = new("4111111111111111", 12, 2031, "737", "Jane Doe");
    private static readonly PaymentSubmissionResult Answer = new(true, "TX000001", "OR000001");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly PaymentsTables tables = TestTables.Create(azurite);

    private TableCardVault Vault => new(tables, new AesGcmCardSealer(AesGcmCardSealerTests.KeyRing([("k1", Key)], current: "k1")), time);

    private static string Key { get; } = AesGcmCardSealerTests.NewKey();

    [Fact]
    public async Task A_held_card_opens_until_an_answer_replaces_it_and_then_only_the_answer_is_stored()
    {
        await Vault.HoldAsync("sale-1", Card, time.GetUtcNow().AddHours(23), CancellationToken.None);

        Assert.Equal(new HeldCard<PaymentSubmissionResult>(Card, null), await Vault.OpenAsync<PaymentSubmissionResult>("sale-1", CancellationToken.None));

        await Vault.RecordAnswerAsync("sale-1", Answer, CancellationToken.None);

        HeldCard<PaymentSubmissionResult> after = await Vault.OpenAsync<PaymentSubmissionResult>("sale-1", CancellationToken.None);
        Assert.Null(after.Card);
        Assert.Equal(Answer, after.Answer);
        TableEntity row = Assert.Single(await RowsAsync());
        Assert.False(row.ContainsKey("Envelope"));
        Assert.False(row.ContainsKey("KeyId"));
    }

    [Fact]
    public async Task Nothing_held_opens_to_nothing_and_forgetting_it_is_harmless()
    {
        Assert.Equal(new HeldCard<PaymentSubmissionResult>(null, null), await Vault.OpenAsync<PaymentSubmissionResult>("sale-none", CancellationToken.None));

        await Vault.ForgetAsync("sale-none", CancellationToken.None);
        await Vault.HoldAsync("sale-2", Card, time.GetUtcNow().AddHours(1), CancellationToken.None);
        await Vault.ForgetAsync("sale-2", CancellationToken.None);
        await Vault.ForgetAsync("sale-2", CancellationToken.None);

        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task An_envelope_moved_to_another_reference_does_not_open()
    {
        await Vault.HoldAsync("sale-a", Card, time.GetUtcNow().AddHours(1), CancellationToken.None);
        TableClient table = await tables.GetAsync(PaymentsTable.Cards, CancellationToken.None);
        TableEntity stolen = Assert.Single(await RowsAsync());
        await Vault.HoldAsync("sale-b", Card with { Number = "5555555555554444" }, time.GetUtcNow().AddHours(1), CancellationToken.None);
        TableEntity victim = (await RowsAsync()).Single(r => r.GetString("Reference") == "sale-b");
        victim["Envelope"] = stolen["Envelope"];
        await table.UpdateEntityAsync(victim, Azure.ETag.All, TableUpdateMode.Replace);

        await Assert.ThrowsAsync<CardSealingException>(() => Vault.OpenAsync<PaymentSubmissionResult>("sale-b", CancellationToken.None));
    }

    [Fact]
    public async Task Rows_past_their_expiry_are_purged_whatever_they_hold()
    {
        await Vault.HoldAsync("sale-short", Card, time.GetUtcNow().AddHours(1), CancellationToken.None);
        await Vault.HoldAsync("sale-long", Card, time.GetUtcNow().AddDays(30), CancellationToken.None);
        await Vault.HoldAsync("sale-answered", Card, time.GetUtcNow().AddDays(30), CancellationToken.None);
        await Vault.RecordAnswerAsync("sale-answered", Answer, CancellationToken.None);

        Assert.Equal(0, await Vault.PurgeExpiredAsync(time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(1, await Vault.PurgeExpiredAsync(time.GetUtcNow().AddHours(2), CancellationToken.None));
        Assert.Equal(1, await Vault.PurgeExpiredAsync(time.GetUtcNow() + TableCardVault.AnswerRetention + TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.Equal(["sale-long"], (await RowsAsync()).Select(r => r.GetString("Reference")));
    }

    [Fact]
    public async Task No_row_shows_the_card_number_cvv_or_expiry()
    {
        await Vault.HoldAsync("sale-1", Card, time.GetUtcNow().AddHours(1), CancellationToken.None);
        await Vault.HoldAsync("sale-2", Card, time.GetUtcNow().AddHours(1), CancellationToken.None);
        await Vault.RecordAnswerAsync("sale-2", Answer, CancellationToken.None);

        // Timestamp and ETag are written by the service (fractional seconds can hold any digits) and carry no card data.
        List<string> values = [.. (await TestTables.AllValuesAsync(tables))
            .Where(v => !v.StartsWith("Timestamp=", StringComparison.Ordinal) && !v.StartsWith("odata.etag=", StringComparison.Ordinal))];
        Assert.NotEmpty(values);
        Assert.DoesNotContain(values, v => v.Contains(Card.Number, StringComparison.Ordinal) || v.Contains("737", StringComparison.Ordinal) || v.Contains("2031", StringComparison.Ordinal));
    }

    private async Task<List<TableEntity>> RowsAsync()
    {
        TableClient table = await tables.GetAsync(PaymentsTable.Cards, CancellationToken.None);
        List<TableEntity> rows = [];
        await foreach (TableEntity row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}
