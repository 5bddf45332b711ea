using System.Net;
using System.Text.Json;
using Moq;
using SmartRetry.Functions.Series;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Series.PlatformManaged;
using SmartRetry.Functions.Shared.Cards;
using SmartRetry.Functions.Shared.Durable;
using SmartRetry.Functions.Shared.Events;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Serialization;
using SmartRetry.Functions.Shared.Series;
using SmartRetry.Functions.Tests.Sales;
using SmartRetry.Testing.Storage;

namespace SmartRetry.Functions.Tests.Series;

[Collection(AzuriteTests.Name)]
public sealed class RecurringRequestHandlerTests(AzuriteFixture azurite)
{
    private readonly RecurringHandlerHarness _harness = new(azurite);

    [Fact]
    public async Task A_valid_merchant_series_is_recorded_and_its_workflow_started_with_its_card_in_the_vault_not_in_its_state()
    {
        HandlerResult<RecurringSeriesView> result = await _harness.Handler.CreateAsync(_harness.Durable, RecurringHandlerHarness.Body(RecurringHandlerHarness.Request()), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        string seriesId = RecurringSeriesIds.For("sub-42");
        Assert.Equal((seriesId, RecurringSeriesStatus.Active, false), (result.Body!.SeriesId, result.Body.Status, result.Body.Replayed));
        (string name, string instanceId, object? input) = Assert.Single(_harness.Scheduled);
        Assert.Equal((nameof(MerchantRecurringSeriesWorkflow), seriesId), (name, instanceId));
        var state = Assert.IsType<MerchantSeriesState>(input);
        Assert.NotNull(state.Setup);
        Assert.Null(state.Setup.Card);
        string serialized = JsonSerializer.Serialize(state, PaymentsJson.Options);
        Assert.DoesNotContain("envelope", serialized, StringComparison.Ordinal);
        CardDetails held = (await _harness.Cards.OpenAsync<RecurringInitAnswer>(seriesId, CancellationToken.None)).Card!;
        Assert.Equal((TestSales.CardNumber, TestSales.Cvv), (held.Number, held.Cvv));
        Assert.DoesNotContain(TestSales.CardNumber, serialized, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSales.Cvv, serialized, StringComparison.Ordinal);
        Assert.Equal(SeriesManagement.Merchant, (await _harness.Store.GetAsync(seriesId, CancellationToken.None))!.ManagedBy);
    }

    [Fact]
    public async Task Merchant_series_carry_their_card_s_fingerprint_the_same_for_the_same_card_in_every_series()
    {
        foreach ((string reference, string card) in new[] { ("sub-a", TestSales.CardNumber), ("sub-b", TestSales.CardNumber), ("sub-c", "5555555555554444") })
        {
            await _harness.Handler.CreateAsync(_harness.Durable, RecurringHandlerHarness.Body(RecurringHandlerHarness.Request(reference: reference, cardNumber: card)), CancellationToken.None);
        }

        string?[] fingerprints = [.. _harness.Scheduled.Select(s => Assert.IsType<MerchantSeriesState>(s.Input).CardFingerprint)];
        Assert.Equal(3, fingerprints.Length);
        Assert.NotNull(fingerprints[0]);
        Assert.Equal(fingerprints[0], fingerprints[1]);
        Assert.NotEqual(fingerprints[0], fingerprints[2]);
        Assert.DoesNotContain("1111", fingerprints[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_series_created_under_a_time_scale_carries_it_anchored_at_its_creation_and_a_real_time_series_carries_none()
    {
        var accelerated = new RecurringHandlerHarness(azurite, new RecurringOptions { TimeScale = 86_400 });

        await accelerated.Handler.CreateAsync(accelerated.Durable, RecurringHandlerHarness.Body(RecurringHandlerHarness.Request(reference: "sub-fast")), CancellationToken.None);
        await _harness.Handler.CreateAsync(_harness.Durable, RecurringHandlerHarness.Body(RecurringHandlerHarness.Request()), CancellationToken.None);

        var fast = Assert.IsType<MerchantSeriesState>(Assert.Single(accelerated.Scheduled).Input);
        DateTimeOffset createdAt = (await accelerated.Store.GetAsync(RecurringSeriesIds.For("sub-fast"), CancellationToken.None))!.CreatedAt;
        Assert.Equal(new ScheduleTimeScale(createdAt.UtcDateTime, 86_400), fast.TimeScale);
        Assert.Equal(accelerated.Time.GetUtcNow(), createdAt);
        Assert.Null(Assert.IsType<MerchantSeriesState>(Assert.Single(_harness.Scheduled).Input).TimeScale);
    }

    [Fact]
    public async Task A_platform_series_starts_the_follower_workflow()
    {
        await _harness.Handler.CreateAsync(_harness.Durable, RecurringHandlerHarness.Body(RecurringHandlerHarness.Request("our_platform")), CancellationToken.None);

        (string name, _, object? input) = Assert.Single(_harness.Scheduled);
        Assert.Equal(nameof(PlatformRecurringSeriesWorkflow), name);
        Assert.Equal(SeriesManagement.OurPlatform, Assert.IsType<PlatformSeriesState>(input).ManagedBy);
    }

    [Fact]
    public async Task The_same_request_twice_is_one_series_and_one_workflow()
    {
        ReadOnlyMemory<byte> body = RecurringHandlerHarness.Body(RecurringHandlerHarness.Request());

        await _harness.Handler.CreateAsync(_harness.Durable, body, CancellationToken.None);
        HandlerResult<RecurringSeriesView> repeat = await _harness.Handler.CreateAsync(_harness.Durable, body, CancellationToken.None);

        Assert.True(repeat.Body!.Replayed);
        Assert.Single(_harness.Scheduled);
    }

    [Fact]
    public async Task A_repeat_after_the_series_was_cancelled_and_its_instance_purged_does_not_start_it_again()
    {
        ReadOnlyMemory<byte> body = RecurringHandlerHarness.Body(RecurringHandlerHarness.Request());
        HandlerResult<RecurringSeriesView> created = await _harness.Handler.CreateAsync(_harness.Durable, body, CancellationToken.None);
        await _harness.Handler.CancelAsync(_harness.Durable, created.Body!.SeriesId, CancellationToken.None);
        _harness.Scheduled.Clear();

        HandlerResult<RecurringSeriesView> repeat = await _harness.Handler.CreateAsync(_harness.Durable, body, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.True(repeat.Body!.Replayed);
        Assert.Equal(RecurringSeriesStatus.Cancelled, repeat.Body.Status);
        Assert.Empty(_harness.Scheduled);
    }

    [Fact]
    public async Task The_same_reference_with_different_details_is_a_conflict_and_changes_nothing()
    {
        await _harness.Handler.CreateAsync(_harness.Durable, RecurringHandlerHarness.Body(RecurringHandlerHarness.Request()), CancellationToken.None);

        HandlerResult<RecurringSeriesView> conflict = await _harness.Handler.CreateAsync(_harness.Durable, RecurringHandlerHarness.Body(RecurringHandlerHarness.Request(interval: 2)), CancellationToken.None);

        Assert.Equal((HttpStatusCode.Conflict, ProblemTypes.IdempotencyConflict), (conflict.StatusCode, conflict.Problem!.Type));
        Assert.Single(_harness.Scheduled);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_each_field_and_stores_nothing()
    {
        var request = new
        {
            series_reference = "sub-bad",
            amount = 0.5m,
            currency = "EUR",
            card = new { number = "4111111111111112", expiry_month = 13, expiry_year = 2031 },
            payer = new { first_name = "Jane", last_name = "Doe", email = "jane@example.com" },
            recurring = new { managed_by = "our_platform", recurring_date_type = "monthly", time_interval = 0, time_zone = "Europe/Berlin" },
        };

        HandlerResult<RecurringSeriesView> result = await _harness.Handler.CreateAsync(_harness.Durable, RecurringHandlerHarness.Body(request), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.Equal(
            ["/amount", "/card/expiry_month", "/card/number", "/recurring/first_payment_date", "/recurring/time_zone"],
            result.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(TestSales.CardNumber[..15], JsonSerializer.Serialize(result.Problem, PaymentsJson.Options), StringComparison.Ordinal);
        Assert.Empty(_harness.Scheduled);
        Assert.Null(await _harness.Store.GetAsync(RecurringSeriesIds.For("sub-bad"), CancellationToken.None));
    }

    [Theory]
    [InlineData("{\"series_reference\": \"x\", \"recurring\": {\"managed_by\": \"sometimes\"}}", "/recurring/managed_by")]
    [InlineData("{\"series_reference\": \"x\", \"recurring\": {\"managed_by\": 1}}", "/recurring/managed_by")]
    [InlineData("{\"series_reference\": \"x\", \"recurring\": {\"managed_by\": 99}}", "/recurring/managed_by")]
    [InlineData("{\"series_reference\": \"x\", \"recurring\": {\"managed_by\": \"1\"}}", "/recurring/managed_by")]
    [InlineData("{\"series_reference\": \"x\", \"series_reference\": \"y\"}", "/series_reference")]
    [InlineData("{\"series_reference\": \"x\", \"surprise\": 1}", "/surprise")]
    [InlineData("{\"series_reference\": \"x\", \"recurring\": {\"managed_by\": \"merchant\", \"first_payment_date\": \"2026-12-01\", \"recurring_date_type\": \"monthly\", \"time_interval\": 1, \"cancellation_date\": \"2026-11-30\"}}", "/recurring/cancellation_date")]
    public async Task Malformed_or_inconsistent_requests_name_the_field(string json, string field)
    {
        HandlerResult<RecurringSeriesView> result = await _harness.Handler.CreateAsync(_harness.Durable, System.Text.Encoding.UTF8.GetBytes(json), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.Contains(field, result.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task Pausing_a_merchant_series_raises_the_event_once_and_a_repeat_changes_nothing()
    {
        var series = await _harness.SeedAsync(SeriesManagement.Merchant, RecurringSeriesStatus.Active);

        HandlerResult<RecurringSeriesView> first = await _harness.Handler.PauseAsync(_harness.Durable, series.SeriesId, CancellationToken.None);
        HandlerResult<RecurringSeriesView> repeat = await _harness.Handler.PauseAsync(_harness.Durable, series.SeriesId, CancellationToken.None);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, repeat.StatusCode));
        Assert.Equal(RecurringSeriesStatus.Paused, repeat.Body!.Status);
        Assert.Single(_harness.Durable.Raised, r => r.InstanceId == series.SeriesId && r.Name == RecurringEventNames.Control && r.Payload is SeriesControl c && c.Command == SeriesCommand.Pause);
    }

    [Fact]
    public async Task Resuming_a_cancelled_series_is_a_conflict()
    {
        var series = await _harness.SeedAsync(SeriesManagement.Merchant, RecurringSeriesStatus.Cancelled);

        HandlerResult<RecurringSeriesView> result = await _harness.Handler.ResumeAsync(_harness.Durable, series.SeriesId, CancellationToken.None);

        Assert.Equal((HttpStatusCode.Conflict, RecurringProblems.InvalidTransition), (result.StatusCode, result.Problem!.Type));
        Assert.Empty(_harness.Durable.Raised);
    }

    [Fact]
    public async Task Pausing_a_platform_managed_series_is_a_conflict()
    {
        var series = await _harness.SeedAsync(SeriesManagement.OurPlatform, RecurringSeriesStatus.Active);

        HandlerResult<RecurringSeriesView> result = await _harness.Handler.PauseAsync(_harness.Durable, series.SeriesId, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.Equal(RecurringSeriesStatus.Active, (await _harness.Store.GetAsync(series.SeriesId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Cancelling_a_platform_series_cancels_at_SmartRetry_with_a_stable_key_and_a_repeat_is_a_no_op()
    {
        var series = await _harness.SeedAsync(SeriesManagement.OurPlatform, RecurringSeriesStatus.Active);
        _harness.SmartRetry.Setup(g => g.CancelRecurringAsync(It.IsAny<string>(), "RC000009", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        HandlerResult<RecurringSeriesView> first = await _harness.Handler.CancelAsync(_harness.Durable, series.SeriesId, CancellationToken.None);
        HandlerResult<RecurringSeriesView> repeat = await _harness.Handler.CancelAsync(_harness.Durable, series.SeriesId, CancellationToken.None);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK, RecurringSeriesStatus.Cancelled), (first.StatusCode, repeat.StatusCode, repeat.Body!.Status));
        _harness.SmartRetry.Verify(
            g => g.CancelRecurringAsync(IdempotencyKeys.Derive(series.SeriesId, MerchantRecurringSeriesWorkflow.CancelStep), "RC000009", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_amount_update_with_too_many_decimals_is_rejected_naming_the_amount()
    {
        var series = await _harness.SeedAsync(SeriesManagement.Merchant, RecurringSeriesStatus.Active);

        HandlerResult<RecurringSeriesView> result = await _harness.Handler.UpdateAmountAsync(_harness.Durable, series.SeriesId, RecurringHandlerHarness.Body(new { amount = 12.345m }), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.Contains("/amount", result.Problem!.Errors!.Keys);
        Assert.Equal(10m, (await _harness.Store.GetAsync(series.SeriesId, CancellationToken.None))!.Amount);
    }

    [Fact]
    public async Task An_amount_update_is_stored_and_sent_to_the_series_workflow()
    {
        var series = await _harness.SeedAsync(SeriesManagement.Merchant, RecurringSeriesStatus.Active);

        HandlerResult<RecurringSeriesView> result = await _harness.Handler.UpdateAmountAsync(_harness.Durable, series.SeriesId, RecurringHandlerHarness.Body(new { amount = 12.5m }), CancellationToken.None);

        Assert.Equal((HttpStatusCode.Accepted, 12.5m), (result.StatusCode, result.Body!.Amount));
        Assert.Single(_harness.Durable.Raised, r => r.InstanceId == series.SeriesId && r.Name == RecurringEventNames.Control && r.Payload is SeriesControl c && c.Command == SeriesCommand.UpdateAmount && c.Amount == 12.5m);
    }

    [Theory]
    [InlineData("rs-00000000000000000000000000000000")]
    [InlineData("not-a-series-id")]
    public async Task An_unknown_series_is_not_found(string seriesId)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _harness.Handler.GetAsync(seriesId, CancellationToken.None)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _harness.Handler.CancelAsync(_harness.Durable, seriesId, CancellationToken.None)).StatusCode);
    }
}
