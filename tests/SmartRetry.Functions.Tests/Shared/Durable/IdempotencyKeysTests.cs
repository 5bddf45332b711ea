using SmartRetry.Functions.Shared.Durable;

namespace SmartRetry.Functions.Tests.Shared.Durable;

public class IdempotencyKeysTests
{
    [Fact]
    public void The_same_instance_and_step_always_give_the_same_key() =>
        Assert.Equal(IdempotencyKeys.Derive("sale-mt-1", "sale-submit"), IdempotencyKeys.Derive("sale-mt-1", "sale-submit"));

    [Theory]
    [InlineData("sale-mt-1", "sale-submit", "sale-mt-1", "refund")]
    [InlineData("sale:mt/1", "sale-submit", "sale_mt_1", "sale-submit")]
    [InlineData("sale.mt.1", "sale-submit", "sale:mt:1", "sale-submit")]
    public void Different_instances_or_steps_give_different_keys_even_when_they_sanitize_alike(string instanceA, string stepA, string instanceB, string stepB) =>
        Assert.NotEqual(IdempotencyKeys.Derive(instanceA, stepA), IdempotencyKeys.Derive(instanceB, stepB));

    [Theory]
    [InlineData("sale-mt-1")]
    [InlineData("séance 42 / ünïcode:#?&")]
    [InlineData("a-very-long-merchant-transaction-id-that-goes-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-x")]
    public void Keys_fit_SmartRetrys_format(string instanceId)
    {
        string key = IdempotencyKeys.Derive(instanceId, "sale-submit");

        Assert.Matches("^[A-Za-z0-9_-]{1,255}$", key);
        Assert.StartsWith("sale-submit-", key, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_outside_the_key_alphabet_is_refused() =>
        Assert.Throws<ArgumentException>(() => IdempotencyKeys.Derive("sale-mt-1", "sale submit"));
}
