using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PayBatch.Core.Domain;
using PayBatch.Core.Reporting;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Reporting;

public class YearReportTests(SampleYearFixture year) : IClassFixture<SampleYearFixture>
{
    private Workspace Ws => year.Workspace;

    private string Report(string format, string lang, string asOf = SampleYear.AsOf) =>
        Ws.RunOk("report", "--year", "2026", "--as-of", asOf, "--format", format, "--lang", lang).Out;

    [Fact]
    public void Every_format_and_language_matches_its_golden_file()
    {
        var dir = Ws.Path_("year-reports");
        Directory.CreateDirectory(dir);
        foreach (var lang in new[] { "ru", "kk", "en" })
            foreach (var format in new[] { "md", "csv", "json", "html" })
                File.WriteAllText(Path.Combine(dir, $"report-2026.{lang}.{format}"), Report(format, lang));
        Golden.MatchFolder(Path.Combine(Repo.TestData, "golden", "year-report"), dir);
    }

    [Fact]
    public void The_quarters_are_the_quarterly_reports_figures_and_the_totals_add_them_up()
    {
        using var json = JsonDocument.Parse(Report("json", "en"));
        var root = json.RootElement;
        Assert.Equal("2026-12-15", root.GetProperty("due").GetString());
        var quarters = root.GetProperty("quarters").EnumerateArray().ToList();
        Assert.Equal(["2026Q1", "2026Q2", "2026Q3", "2026Q4"], quarters.Select(q => q.GetProperty("quarter").GetString()));
        foreach (var q in quarters)
        {
            using var quarterly = JsonDocument.Parse(Ws.RunOk("report", "--quarter", q.GetProperty("quarter").GetString()!, "--as-of", SampleYear.AsOf, "--format", "json").Out);
            foreach (var part in new[] { "payments", "amounts", "sla" })
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(quarterly.RootElement.GetProperty(part).GetRawText()), JsonNode.Parse(q.GetProperty(part).GetRawText())), part);
        }
        var totals = root.GetProperty("totals");
        foreach (var key in new[] { "issued", "credited", "rejected", "reissued" })
            Assert.Equal(quarters.Sum(q => q.GetProperty("payments").GetProperty(key).GetInt32()), totals.GetProperty("payments").GetProperty(key).GetInt32());
        foreach (var key in new[] { "issued", "credited", "rejected" })
            Assert.Equal(quarters.Sum(q => decimal.Parse(q.GetProperty("amounts").GetProperty(key).GetString()!, CultureInfo.InvariantCulture)),
                decimal.Parse(totals.GetProperty("amounts").GetProperty(key).GetString()!, CultureInfo.InvariantCulture));
        var sla = totals.GetProperty("sla");
        int S(string k) => sla.GetProperty(k).GetInt32();
        Assert.Equal((62, 2, 2), (S("onTime"), S("late"), S("overdue")));
        // Recomputed from the year's counts (62 of 66 = 93.9), not the mean of the quarters' percentages (93.8).
        Assert.Equal("93.9", sla.GetProperty("onTimePercent").GetString());
        var indicators = root.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4", "5.1"], indicators.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("93.9", indicators[0].GetProperty("value").GetString());
        // 68 payments; one rejected AC01 (Q1), one rejected AC04 (Q2), one named in an IBAN_MISMATCH (Q3): 65 / 68.
        Assert.Equal("95.6", indicators[3].GetProperty("value").GetString());
    }

    [Fact]
    public void A_quarter_without_batches_is_zeros_and_the_report_says_when_it_is_late()
    {
        using var empty = new Workspace();
        using var json = JsonDocument.Parse(empty.RunOk("report", "--year", "2027", "--as-of", "2027-12-16", "--json").Out);
        var q = json.RootElement.GetProperty("quarters")[2];
        Assert.Equal(0, q.GetProperty("payments").GetProperty("credited").GetInt32());
        Assert.Equal("0.00", q.GetProperty("amounts").GetProperty("credited").GetString());
        Assert.Equal(JsonValueKind.Null, q.GetProperty("sla").GetProperty("onTimePercent").ValueKind);
        Assert.True(json.RootElement.GetProperty("late").GetBoolean());
        Assert.Contains("The report is late. Report due: 2027-12-15.", empty.RunOk("report", "--year", "2027", "--as-of", "2027-12-16", "--lang", "en").Out, StringComparison.Ordinal);
        Assert.DoesNotContain("late", empty.RunOk("report", "--year", "2027", "--as-of", "2027-12-15", "--lang", "en").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Survey_figures_and_targets_come_from_the_settings_and_the_rest_is_not_measured()
    {
        Ws.Environment["PAYBATCH_INDICATORS__VALUES__2.1"] = "74.5";
        Ws.Environment["PAYBATCH_INDICATORS__TARGETS__1.1"] = "85";
        try
        {
            using var json = JsonDocument.Parse(Report("json", "ru"));
            var rows = json.RootElement.GetProperty("indicators").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
            Assert.Equal("74.5", rows["2.1"].GetProperty("value").GetString());
            Assert.Equal("85", rows["1.1"].GetProperty("target").GetString());
            Assert.Equal("75", rows["2.1"].GetProperty("target").GetString());
            Assert.Equal(JsonValueKind.Null, rows["1.2"].GetProperty("value").ValueKind);

            Ws.Environment["PAYBATCH_INDICATORS__VALUES__9.9"] = "1";
            var bad = Ws.Run("report", "--year", "2026", "--as-of", SampleYear.AsOf);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("Indicators:Values:9.9", bad.Error, StringComparison.Ordinal);
        }
        finally
        {
            Ws.Environment.Remove("PAYBATCH_INDICATORS__VALUES__2.1");
            Ws.Environment.Remove("PAYBATCH_INDICATORS__TARGETS__1.1");
            Ws.Environment.Remove("PAYBATCH_INDICATORS__VALUES__9.9");
        }
    }

    [Fact]
    public void Either_a_quarter_or_a_year_is_asked_for()
    {
        Assert.Equal(2, Ws.Run("report", "--as-of", SampleYear.AsOf).ExitCode);
        Assert.Equal(2, Ws.Run("report", "--quarter", "2026Q1", "--year", "2026").ExitCode);
        Assert.Equal(2, Ws.Run("report", "--year", "26").ExitCode);
    }

    [Fact]
    public void The_yearly_html_opens_in_headless_Chromium_and_a_screenshot_is_kept()
    {
        var html = Ws.Path_("report-2026.html");
        Ws.RunOk("report", "--year", "2026", "--as-of", SampleYear.AsOf, "--format", "html", "--lang", "ru", "--file", html);
        var text = File.ReadAllText(html);
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        Assert.Contains("норматив 90 %", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", text, StringComparison.OrdinalIgnoreCase);

        Chromium.Screenshot(html, "report-2026.ru.png", "1100,2000");
    }

    [Theory]
    [InlineData("2026Q1", "2026-04-10")]
    [InlineData("2026Q2", "2026-07-10")]
    [InlineData("2026Q3", "2026-10-10")]
    [InlineData("2026Q4", "2027-01-10")]
    public void A_quarterly_report_is_due_on_the_10th_of_the_next_month(string quarter, string due) =>
        Assert.Equal(DateOnly.Parse(due, CultureInfo.InvariantCulture), ReportDue.Quarterly(Quarter.Parse(quarter)));

    [Fact]
    public void Indicators_take_measured_values_entered_values_and_targets_in_the_standards_order()
    {
        var rows = Indicators.Compute(93.3m, null, new IndicatorSettings(
            new Dictionary<string, decimal> { ["1.1"] = 50m, ["4.1"] = 0.01m }, new Dictionary<string, decimal> { ["5.1"] = 95m }));
        Assert.Equal(12, rows.Count);
        Assert.Equal("93.3", rows[0].ValueText); // measured: the setting does not override it
        Assert.Null(rows[3].ValueText);           // 2.2 with no payments
        Assert.Equal("0.01", rows[7].ValueText);
        Assert.Equal([90m, 100m, 85m, 100m, 90m, 90m, 100m, 0.5m, 90m, 95m, 95m, 100m], rows.Select(r => r.Normative));
        Assert.Equal([82m, 90m, 75m, 100m, 90m, 90m, 90m, 0.1m, 80m, 90m, 80m, 95m], rows.Select(r => r.Target));
    }
}
