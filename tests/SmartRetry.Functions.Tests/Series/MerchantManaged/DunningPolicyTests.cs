using System.Text.Json;
using SmartRetry.Functions.Series.MerchantManaged;
using SmartRetry.Functions.Shared.Declines;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Tests.Series.MerchantManaged;

public sealed class DunningPolicyTests
{
    private static readonly DateTime Due = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DeclineClassification Soft = DeclineClassifier.Default.Classify("INSUFFICIENT_FUNDS");

    [Fact]
    public void By_default_a_soft_decline_is_retried_one_three_and_five_days_after_the_due_time_then_exhausted()
    {
        DunningPolicy policy = DunningPolicy.Default;

        DateTime?[] retries = [.. Enumerable.Range(0, 4).Select(done => policy.NextRetryAt(Due, done, Soft, nextCycleDueAtUtc: null))];

        Assert.Equal([Due.AddDays(1), Due.AddDays(3), Due.AddDays(5), null], retries);
    }

    [Theory]
    [InlineData("EXPIRED_CARD")]
    [InlineData("STOLEN_INSTRUMENT")]
    [InlineData("STOP_PAYMENT_ORDER")]
    [InlineData("NEVER_HEARD_OF_IT")]
    public void Hard_do_not_retry_and_unknown_declines_are_never_retried(string code) =>
        Assert.Null(DunningPolicy.Default.NextRetryAt(Due, 0, DeclineClassifier.Default.Classify(code), null));

    [Fact]
    public void A_retry_that_would_reach_the_next_cycle_is_dropped()
    {
        Assert.Equal(Due.AddDays(3), DunningPolicy.Default.NextRetryAt(Due, 1, Soft, nextCycleDueAtUtc: Due.AddDays(4)));
        Assert.Null(DunningPolicy.Default.NextRetryAt(Due, 2, Soft, nextCycleDueAtUtc: Due.AddDays(5)));
    }

    [Fact]
    public void Configured_offsets_count_and_action_travel_in_the_snapshot()
    {
        var options = new DunningOptions
        {
            RetryOffsets = [TimeSpan.FromHours(12), TimeSpan.FromDays(2), TimeSpan.FromDays(7)],
            RetryCount = 2,
            ExhaustedAction = DunningExhaustedAction.CancelSeries,
            MaxAttemptsPerCardIn30Days = 10,
            OnHardDecline = HardDeclineAction.CancelSeries,
        };

        DunningPolicy policy = options.ToPolicy();

        Assert.Equal([TimeSpan.FromHours(12), TimeSpan.FromDays(2)], policy.RetryOffsets);
        Assert.Equal(DunningExhaustedAction.CancelSeries, policy.ExhaustedAction);
        Assert.Equal(10, policy.MaxAttemptsPer30Days);
        Assert.Equal(HardDeclineAction.CancelSeries, policy.OnHardDecline);
    }

    [Fact]
    public void A_hard_decline_pauses_by_default_also_in_series_state_written_before_the_setting_existed()
    {
        string earlierSnapshot = """{"retry_offsets":["1.00:00:00"],"exhausted_action":"stay_active","max_attempts_per30_days":20}""";

        DunningPolicy? restored = JsonSerializer.Deserialize<DunningPolicy>(earlierSnapshot, PaymentsJson.Options);

        Assert.Equal(HardDeclineAction.Pause, new DunningOptions().ToPolicy().OnHardDecline);
        Assert.Equal((HardDeclineAction.Pause, 20), (restored!.OnHardDecline, restored.MaxAttemptsPer30Days));
    }

    [Theory]
    [InlineData(new[] { 2.0, 1.0 }, null, 20, "RetryOffsets")]
    [InlineData(new[] { 0.0 }, null, 20, "RetryOffsets")]
    [InlineData(new[] { 1.0 }, 2, 20, "RetryCount")]
    [InlineData(new[] { 1.0 }, null, 21, "MaxAttemptsPerCardIn30Days")]
    public void Invalid_configuration_is_rejected_naming_the_setting(double[] offsetDays, int? count, int maxAttempts, string member)
    {
        var options = new DunningOptions
        {
            RetryOffsets = [.. offsetDays.Select(TimeSpan.FromDays)],
            RetryCount = count,
            MaxAttemptsPerCardIn30Days = maxAttempts,
        };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        bool valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains(member));
    }
}
