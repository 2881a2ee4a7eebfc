using System.Text.Json.Nodes;
using PayBatch.Cli;

namespace PayBatch.Tests.Operations;

/// <summary>An answer whose list is written item by item is, byte for byte, the answer written whole as a tree.</summary>
public class JsonAnswerTests
{
    private sealed record Item(string File, int? Line, string Reference, string Detail);

    private static readonly string[] Details = ["сумма не совпадает: 28 112,50 ≠ 28 000,00", "", "quote \" and \\ and <tag> & 'x'", "ақша\ttab"];

    private static List<Item> Items(int n) =>
        [.. Enumerable.Range(1, n).Select(i => new Item($"bank-{i % 3}.csv", i % 7 == 0 ? null : i, $"2026Q1-01-{i:000000}", Details[i % Details.Length]))];

    private static JsonObject Head(JsonNode findings) => new()
    {
        ["ok"] = true,
        ["exitCode"] = 3,
        ["note"] = null,
        ["files"] = new JsonArray(new JsonObject { ["file"] = "банк.csv", ["lines"] = 2 }),
        ["findings"] = findings,
        ["sla"] = new JsonObject { ["OVERDUE"] = 1 },
        ["written"] = new JsonArray("out/2026Q1/findings.csv"),
    };

    private static JsonObject Of(Item i) => new() { ["file"] = i.File, ["line"] = i.Line, ["reference"] = i.Reference, ["detail"] = i.Detail };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_234)] // more than the items written between two flushes
    public void Streamed_the_answer_is_the_tree_written_whole(int n)
    {
        var items = Items(n);
        var whole = Head(new JsonArray([.. items.Select(i => (JsonNode)Of(i))])).ToJsonString(CliContext.JsonOptions) + Environment.NewLine;
        using var streamed = new StringWriter();
        JsonAnswer.Write(streamed, Head(new JsonArray()), "findings", items, Of, CliContext.JsonOptions);
        Assert.Equal(whole, streamed.ToString());
        Assert.Equal(n, JsonNode.Parse(streamed.ToString())!["findings"]!.AsArray().Count);
    }

    [Fact]
    public void A_list_the_answer_does_not_name_is_refused_before_anything_is_written()
    {
        using var output = new StringWriter();
        Assert.Throws<ArgumentException>(() => JsonAnswer.Write(output, Head(new JsonArray()), "finding", Items(2), Of, CliContext.JsonOptions));
        Assert.Equal("", output.ToString());
    }
}
