using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Reporting;

public class ReportTests
{
    private static string Report(Workspace ws, string format, string lang) =>
        ws.RunOk("report", "--quarter", "2026Q1", "--as-of", SampleQuarter.AsOf, "--format", format, "--lang", lang).Out;

    [Fact]
    public void Md_csv_and_json_match_their_golden_files_in_each_language()
    {
        using var ws = SampleQuarter.Create();
        using (var db = ws.OpenDb()) db.Database.ExecuteSqlRaw("UPDATE batches SET prepared_by = 'accountant'"); // whoever runs the tests
        var dir = Path.Combine(ws.Dir, "reports");
        Directory.CreateDirectory(dir);
        foreach (var lang in new[] { "ru", "kk", "en" })
            foreach (var format in new[] { "md", "csv", "json" })
                File.WriteAllText(Path.Combine(dir, $"report.{lang}.{format}"), Report(ws, format, lang));
        Golden.MatchFolder(Path.Combine(Repo.TestData, "golden", "report"), dir);
    }

    [Fact]
    public void The_figures_agree_across_formats_and_with_reconciliation_csv()
    {
        using var ws = SampleQuarter.Create();
        using var json = JsonDocument.Parse(Report(ws, "json", "en"));
        var root = json.RootElement;
        int J(string a, string b) => root.GetProperty(a).GetProperty(b).GetInt32();

        var csv = ParseCsv(Report(ws, "csv", "ru")).Skip(1).ToList();
        string C(string section, string key, int column) => csv.Single(r => r[0] == section && r[1] == key)[column];
        foreach (var key in new[] { "issued", "credited", "rejected", "reissued" })
            Assert.Equal(J("payments", key).ToString(CultureInfo.InvariantCulture), C("payments", key, 3));
        foreach (var key in new[] { "issued", "credited", "rejected" })
            Assert.Equal(root.GetProperty("amounts").GetProperty(key).GetString(), C("payments", key, 4));
        foreach (var key in new[] { "onTime", "late", "overdue", "pending" })
            Assert.Equal(J("sla", key).ToString(CultureInfo.InvariantCulture), C("sla", key, 3));
        Assert.Equal(root.GetProperty("sla").GetProperty("onTimePercent").GetString(), C("sla", "onTimePercent", 5));
        foreach (var e in root.GetProperty("exclusions").EnumerateObject())
            Assert.Equal(e.Value.GetInt32().ToString(CultureInfo.InvariantCulture), C("exclusions", e.Name, 3));

        var md = Report(ws, "md", "en");
        var html = Report(ws, "html", "en");
        foreach (var (label, key) in new[] { ("On time", "onTime"), ("Late", "late"), ("Overdue, not credited", "overdue"), ("Pending, within the limit", "pending") })
        {
            Assert.Contains($"| {label} | {J("sla", key)} |", md, StringComparison.Ordinal);
            Assert.Contains($"<td>{label}</td><td class=\"n\">{J("sla", key)}</td>", html, StringComparison.Ordinal);
        }
        Assert.Contains($"Indicator 1.1: share of services delivered on time: {root.GetProperty("sla").GetProperty("onTimePercent").GetString()} %", md, StringComparison.Ordinal);

        var slaColumn = ParseCsv(File.ReadAllText(ws.Path_("out", "2026Q1", "reconciliation.csv"))).Skip(1).Select(r => r[11]).ToList();
        Assert.Equal(J("sla", "onTime"), slaColumn.Count(s => s == "on_time"));
        Assert.Equal(J("sla", "late"), slaColumn.Count(s => s == "late"));
        Assert.Equal(J("sla", "overdue"), slaColumn.Count(s => s == "overdue"));
        Assert.Equal(J("sla", "pending"), slaColumn.Count(s => s == "pending"));
    }

    private static List<string[]> ParseCsv(string text)
    {
        using var parser = new CsvHelper.CsvParser(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (parser.Read()) rows.Add(parser.Record!);
        return rows;
    }

    [Fact]
    public void Indicator_1_1_follows_SPEC_and_is_null_for_zero_over_zero()
    {
        using var ws = SampleQuarter.Create();
        using var json = JsonDocument.Parse(Report(ws, "json", "ru"));
        var sla = json.RootElement.GetProperty("sla");
        var (onTime, late, overdue) = (sla.GetProperty("onTime").GetInt32(), sla.GetProperty("late").GetInt32(), sla.GetProperty("overdue").GetInt32());
        Assert.Equal((15, 1, 1), (onTime, late, overdue));
        Assert.Equal("88.2", sla.GetProperty("onTimePercent").GetString());
        Assert.Equal("90", sla.GetProperty("normativePercent").GetString());
        Assert.Equal(1, sla.GetProperty("pending").GetInt32() + json.RootElement.GetProperty("payments").GetProperty("rejected").GetInt32());

        using var empty = new Workspace();
        using var none = JsonDocument.Parse(empty.RunOk("report", "--quarter", "2026Q2", "--as-of", "2026-05-01", "--json").Out);
        Assert.Equal(JsonValueKind.Null, none.RootElement.GetProperty("sla").GetProperty("onTimePercent").ValueKind);
    }

    [Fact]
    public void Russian_and_Kazakh_amounts_are_written_the_way_the_language_does()
    {
        using var ws = SampleQuarter.Create();
        Assert.Contains("| 28 112,50 ₸ |", Report(ws, "md", "ru"), StringComparison.Ordinal);
        Assert.Contains("| 28 112,50 ₸ |", Report(ws, "md", "kk"), StringComparison.Ordinal);
        Assert.Contains("| 28,112.50 ₸ |", Report(ws, "md", "en"), StringComparison.Ordinal);
        Assert.Contains("Нет справки из школы за квартал", Report(ws, "md", "ru"), StringComparison.Ordinal);
        Assert.Contains("Тоқсанға мектеп анықтамасы жоқ", Report(ws, "md", "kk"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_opens_in_headless_Chromium_and_a_screenshot_is_kept()
    {
        using var ws = SampleQuarter.Create();
        var html = ws.Path_("report.html");
        ws.RunOk("report", "--quarter", "2026Q1", "--as-of", SampleQuarter.AsOf, "--format", "html", "--lang", "ru", "--file", html);
        var text = File.ReadAllText(html);
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", text, StringComparison.OrdinalIgnoreCase);

        Chromium.Screenshot(html, "report.ru.png");
    }
}
