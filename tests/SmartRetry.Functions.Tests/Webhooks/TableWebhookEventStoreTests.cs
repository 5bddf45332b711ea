using SmartRetry.Functions.Shared.Correlation;
using SmartRetry.Functions.Tests.Shared.Storage;
using SmartRetry.Functions.Webhooks;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Webhooks;

[Collection(AzuriteTests.Name)]
public sealed class TableWebhookEventStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_event_is_stored_once_with_its_raw_body_and_a_redelivery_is_a_duplicate()
    {
        var store = new TableWebhookEventStore(TestTables.Create(azurite));

        WebhookEventClaim first = await store.TryAddAsync(Event("evt_1"), CancellationToken.None);
        WebhookEventClaim again = await store.TryAddAsync(Event("evt_1") with { RawBody = "{\"other\":1}" }, CancellationToken.None);

        Assert.True(first.IsNew);
        Assert.False(again.IsNew);
        Assert.Equal("{\"id\":\"evt_1\"}", again.Event.RawBody);
    }

    [Fact]
    public async Task Processing_state_is_recorded_under_the_claim_and_a_released_claim_can_be_taken_over()
    {
        var store = new TableWebhookEventStore(TestTables.Create(azurite));
        StoredWebhookEvent claimed = (await store.TryAddAsync(Event("evt_2"), CancellationToken.None)).Event;

        await store.ReleaseAsync(claimed, CancellationToken.None);
        Assert.False(await store.SetStateAsync(claimed, WebhookEventState.Raised, "sale-1", CancellationToken.None));
        StoredWebhookEvent released = (await store.GetAsync("evt_2", CancellationToken.None))!;
        StoredWebhookEvent? taken = await store.TryTakeOverAsync(released, Now, CancellationToken.None);

        Assert.NotNull(taken);
        Assert.True(await store.SetStateAsync(taken, WebhookEventState.Raised, "sale-1", CancellationToken.None));
        StoredWebhookEvent final = (await store.GetAsync("evt_2", CancellationToken.None))!;
        Assert.Equal(WebhookEventState.Raised, final.State);
        Assert.Equal("sale-1", final.InstanceId);
    }

    [Fact]
    public async Task Pending_events_are_kept_per_SmartRetry_id_in_order_and_removed_once_handled()
    {
        var store = new TablePendingEventStore(TestTables.Create(azurite));
        var later = new PendingEvent(CorrelationKind.Transaction, "TX1", "evt_b", "SmartRetryTransaction", Now.AddSeconds(5), "{}");
        var earlier = later with { EventId = "evt_a", CreatedAt = Now };
        await store.AddAsync(later, CancellationToken.None);
        await store.AddAsync(earlier, CancellationToken.None);
        await store.AddAsync(earlier, CancellationToken.None);
        await store.AddAsync(earlier with { SmartRetryId = "TX2" }, CancellationToken.None);
        await store.AddAsync(earlier with { Kind = CorrelationKind.Recurring }, CancellationToken.None);

        IReadOnlyList<PendingEvent> pending = await store.GetAsync(CorrelationKind.Transaction, "TX1", CancellationToken.None);

        Assert.Equal(["evt_a", "evt_b"], pending.Select(p => p.EventId));
        await store.RemoveAsync(pending[0], CancellationToken.None);
        await store.RemoveAsync(pending[0], CancellationToken.None);
        Assert.Equal(["evt_b"], (await store.GetAsync(CorrelationKind.Transaction, "TX1", CancellationToken.None)).Select(p => p.EventId));
    }

    private static StoredWebhookEvent Event(string id) =>
        new(id, "transaction.approved", Now, Now, $"{{\"id\":\"{id}\"}}", WebhookEventState.Received, Now);
}
