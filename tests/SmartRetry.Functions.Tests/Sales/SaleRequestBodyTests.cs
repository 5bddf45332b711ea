using System.Text;
using SmartRetry.Functions.Sales;
using SmartRetry.Functions.Shared.Charges;
using SmartRetry.Functions.Shared.Problems;

namespace SmartRetry.Functions.Tests.Sales;

public sealed class SaleRequestBodyTests
{
    [Fact]
    public void A_snake_case_body_reads_into_the_request()
    {
        const string json = """
            {"merchant_transaction_id":"order-42","amount":49.99,"currency":"USD",
             "card":{"number":"4111111111111111","expiry_month":7,"expiry_year":2031,"cvv":"9731","holder_name":"Jane Doe"},
             "payer":{"first_name":"Jane","last_name":"Doe","email":"jane.doe@example.com","phone_number":"+12125551234"},
             "description":"Order #42","merchant_order_id":"ord-42","scheduled_at":"2026-12-01T09:00:00+01:00"}
            """;

        ChargeRequest? request = JsonRequestReader.Read<ChargeRequest>(Encoding.UTF8.GetBytes(json), out PaymentsProblem? problem);

        Assert.Null(problem);
        Assert.Equal(TestSales.Request() with { ScheduledAt = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero) }, request);
    }

    [Theory]
    [InlineData("{\"amount\":\"lots\"}", "/amount")]
    [InlineData("{\"card\":{\"number\":4111111111111111}}", "/card/number")]
    [InlineData("{\"sheduled_at\":\"2026-12-01T00:00:00Z\"}", "/sheduled_at")]
    [InlineData("{\"amount\":", "/amount")]
    [InlineData("{\"scheduled_at\":\"2026-12-01T09:00:00\"}", "/scheduled_at")]
    [InlineData("{\"scheduled_at\":\"next tuesday\"}", "/scheduled_at")]
    [InlineData("{\"scheduled_at\":1764579600}", "/scheduled_at")]
    [InlineData("{\"amount\":\"49.99\"}", "/amount")]
    [InlineData("{\"amount\":49.99,\"amount\":4999}", "/amount")]
    [InlineData("{\"card\":{\"cvv\":\"123\",\"cvv\":\"456\"}}", "/card/cvv")]
    [InlineData("{\"Amount\":49.99}", "/Amount")]
    [InlineData("{\"card\":{\"expiry_month\":\"7\"}}", "/card/expiry_month")]
    [InlineData("{\"amount\":1e400}", "/amount")]
    [InlineData("[1]", "")]
    [InlineData("", "")]
    public void Malformed_bodies_become_a_problem_naming_the_place_without_echoing_values(string json, string expectedPointer)
    {
        ChargeRequest? request = JsonRequestReader.Read<ChargeRequest>(Encoding.UTF8.GetBytes(json), out PaymentsProblem? problem);

        Assert.Null(request);
        Assert.NotNull(problem);
        Assert.Equal(400, problem.Status);
        Assert.Equal(ProblemTypes.InvalidRequest, problem.Type);
        Assert.Equal([expectedPointer], problem.Errors!.Keys);
        Assert.DoesNotContain("4111", string.Join(" ", problem.Errors.Values.SelectMany(v => v)) + problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$", "")]
    [InlineData("$.card.number", "/card/number")]
    [InlineData("$['odd/name']", "/odd~1name")]
    [InlineData("$.items[0]", "/items/0")]
    public void Paths_become_json_pointers(string path, string expectedPointer) => Assert.Equal(expectedPointer, JsonPointer.FromPath(path));
}
