using SmartRetry.Functions.Shared.Storage;

namespace SmartRetry.Functions.Tests.Shared.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("sale-abc")]
    [InlineData("TX8A3F2C")]
    public void Legal_ids_are_their_own_row_key(string id) => Assert.Equal(id, TableKeys.Row(id));

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("~abc")]
    [InlineData("tab\there")]
    public void Illegal_or_marker_ids_are_escaped_into_distinct_legal_keys(string id)
    {
        string row = TableKeys.Row(id);

        Assert.StartsWith("~", row, StringComparison.Ordinal);
        Assert.DoesNotContain(row[1..], c => c is '/' or '\\' or '#' or '?' or '~' || char.IsControl(c));
        Assert.NotEqual(TableKeys.Row("~" + id), row);
    }

    [Fact]
    public void Partitions_spread_ids_and_are_stable()
    {
        string[] partitions = Enumerable.Range(0, 1000).Select(i => TableKeys.Partition("payment", $"sale-{i}")).ToArray();

        Assert.Equal(TableKeys.Partition("payment", "sale-1"), partitions[1]);
        Assert.True(partitions.Distinct().Count() > 200, "1000 ids should land in most of the 256 partitions");
        Assert.All(partitions, p => Assert.Matches("^payment-[0-9a-f]{2}$", p));
    }

    [Fact]
    public void Overlong_ids_become_short_distinct_keys()
    {
        string first = TableKeys.Row(new string('a', 600));
        string second = TableKeys.Row(new string('a', 601));

        Assert.StartsWith("~~", first, StringComparison.Ordinal);
        Assert.Equal(66, first.Length);
        Assert.NotEqual(first, second);
    }
}
