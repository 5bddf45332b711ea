using System.Text.Json;
using SmartRetry.Functions.Shared.Problems;
using SmartRetry.Functions.Shared.Serialization;

namespace SmartRetry.Functions.Tests.Shared.Problems;

public sealed class PaymentsProblemTests
{
    [Fact]
    public void A_problem_serializes_as_rfc_9457_with_field_pointers_kept_verbatim()
    {
        PaymentsProblem problem = PaymentsProblem.Validation(
            new Dictionary<string, string[]> { ["/card/expiry_month"] = ["Must be 1 to 12."], ["/merchantRef"] = ["x"], [""] = ["y"] },
            "payments/sale");

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(problem, PaymentsJson.Options));
        JsonElement root = json.RootElement;

        Assert.Equal(ProblemTypes.InvalidRequest, root.GetProperty("type").GetString());
        Assert.Equal(400, root.GetProperty("status").GetInt32());
        Assert.Equal("payments/sale", root.GetProperty("instance").GetString());
        Assert.NotNull(root.GetProperty("title").GetString());
        Assert.NotNull(root.GetProperty("detail").GetString());
        Assert.Equal(
            ["", "/card/expiry_month", "/merchantRef"],
            root.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_problem_reads_back_as_written()
    {
        PaymentsProblem problem = PaymentsProblem.Validation(new Dictionary<string, string[]> { ["/camelCase"] = ["a", "b"] });

        PaymentsProblem? read = JsonSerializer.Deserialize<PaymentsProblem>(JsonSerializer.Serialize(problem, PaymentsJson.Options), PaymentsJson.Options);

        Assert.Equal(["a", "b"], read!.Errors!["/camelCase"]);
        Assert.Equal(problem with { Errors = null }, read with { Errors = null });
    }
}
