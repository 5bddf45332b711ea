using SmartRetry.Functions.Shared.Idempotency;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Shared.Idempotency;

[Collection(AzuriteTests.Name)]
public sealed class TableIdempotencyStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_first_claim_is_new_and_a_repeat_sees_the_record_on_file()
    {
        var store = new TableIdempotencyStore(TestTables.Create(azurite));

        IdempotencyClaim first = await store.ClaimAsync(Record("hash-a"), CancellationToken.None);
        IdempotencyClaim second = await store.ClaimAsync(Record("hash-b"), CancellationToken.None);

        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
        Assert.Equal("hash-a", second.Record.RequestHash);
        Assert.Equal(IdempotencyState.Claimed, second.Record.State);
    }

    [Fact]
    public async Task A_forgotten_claim_frees_the_key_and_a_stale_copy_cannot_forget_a_newer_record()
    {
        var store = new TableIdempotencyStore(TestTables.Create(azurite));
        IdempotencyClaim first = await store.ClaimAsync(Record("hash-a"), CancellationToken.None);

        Assert.True(await store.ForgetAsync(first.Record, CancellationToken.None));
        Assert.Null(await store.GetAsync(first.Record.Key, CancellationToken.None));
        IdempotencyClaim second = await store.ClaimAsync(Record("hash-b"), CancellationToken.None);

        Assert.True(second.IsNew);
        Assert.False(await store.ForgetAsync(first.Record, CancellationToken.None));
        Assert.Equal("hash-b", (await store.GetAsync(second.Record.Key, CancellationToken.None))!.RequestHash);
    }

    [Fact]
    public async Task Of_many_concurrent_claims_exactly_one_is_new()
    {
        var store = new TableIdempotencyStore(TestTables.Create(azurite));

        IdempotencyClaim[] claims = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => store.ClaimAsync(Record($"hash-{i}"), CancellationToken.None))));

        IdempotencyClaim winner = Assert.Single(claims, c => c.IsNew);
        Assert.All(claims, c => Assert.Equal(winner.Record.RequestHash, c.Record.RequestHash));
    }

    [Fact]
    public async Task A_claim_completes_once_and_a_stale_copy_cannot_overwrite_it()
    {
        var store = new TableIdempotencyStore(TestTables.Create(azurite));
        IdempotencyClaim claim = await store.ClaimAsync(Record("hash-a"), CancellationToken.None);

        Assert.True(await store.CompleteAsync(claim.Record, CancellationToken.None));
        Assert.Null(await store.TryTakeOverAsync(claim.Record, Now.AddMinutes(5), CancellationToken.None));

        Assert.Equal(IdempotencyState.Completed, (await store.GetAsync("sale-1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Only_one_of_concurrent_take_overs_of_a_stale_claim_wins()
    {
        var store = new TableIdempotencyStore(TestTables.Create(azurite));
        await store.ClaimAsync(Record("hash-a"), CancellationToken.None);
        IdempotencyRecord stale = (await store.GetAsync("sale-1", CancellationToken.None))!;

        IdempotencyRecord?[] takeovers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => store.TryTakeOverAsync(stale, Now.AddMinutes(i + 1), CancellationToken.None))));

        IdempotencyRecord winner = Assert.Single(takeovers.OfType<IdempotencyRecord>());
        Assert.True(await store.CompleteAsync(winner, CancellationToken.None));
    }

    private static IdempotencyRecord Record(string hash) => new("sale-1", hash, "k1", "sale-1", IdempotencyState.Claimed, Now);
}
