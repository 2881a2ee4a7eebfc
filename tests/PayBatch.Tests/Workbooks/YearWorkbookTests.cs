using PayBatch.Tests.Support;

namespace PayBatch.Tests.Workbooks;

/// <summary>The annual workbook and the missing-certificates workbook, on the sample year.</summary>
public class YearWorkbookTests(SampleYearFixture year) : IClassFixture<SampleYearFixture>
{
    private Workspace Ws => year.Workspace;

    [Fact]
    public void The_year_and_missing_certificates_workbooks_match_their_golden_dumps_in_Russian_and_English()
    {
        var dir = Ws.Path_("workbook-dumps");
        Directory.CreateDirectory(dir);
        foreach (var lang in new[] { "ru", "en" })
        {
            Ws.RunOk("report", "--year", "2026", "--as-of", SampleYear.AsOf, "--format", "xlsx", "--file", $"year.{lang}.xlsx", "--lang", lang);
            var sheets = WorkbookReader.Read(Ws.Path_($"year.{lang}.xlsx"));
            WorkbookTests.AssertLayout(sheets);
            Assert.Equal(lang == "en"
                    ? ["By quarter", "Indicators", "Payments 2026Q1", "Payments 2026Q2", "Payments 2026Q3", "Payments 2026Q4"]
                    : ["По кварталам", "Показатели", "Платежи 2026Q1", "Платежи 2026Q2", "Платежи 2026Q3", "Платежи 2026Q4"],
                sheets.Select(s => s.Name));
            File.WriteAllText(Path.Combine(dir, $"year-2026.{lang}.txt"), WorkbookReader.Dump(sheets));

            Ws.RunOk("certificates", "missing", "--quarter", "2026Q2", "--format", "xlsx", "--file", $"missing.{lang}.xlsx", "--lang", lang);
            var missing = WorkbookReader.Read(Ws.Path_($"missing.{lang}.xlsx"));
            WorkbookTests.AssertLayout(missing);
            File.WriteAllText(Path.Combine(dir, $"missing-2026Q2.{lang}.txt"), WorkbookReader.Dump(missing));
        }
        Golden.MatchFolder(Path.Combine(Repo.TestData, "golden", "workbooks", "year"), dir);
    }

    [Fact]
    public void Each_quarters_payments_sheet_of_the_year_is_the_quarters_reconciliation_csv_and_the_totals_add_up()
    {
        Ws.RunOk("report", "--year", "2026", "--as-of", SampleYear.AsOf, "--format", "xlsx", "--file", "y.xlsx", "--lang", "en");
        var sheets = WorkbookReader.Read(Ws.Path_("y.xlsx"));
        var byQuarter = sheets[0];
        for (var q = 1; q <= 4; q++)
        {
            var csv = File.ReadAllLines(Path.Combine(Ws.OutDir, $"2026Q{q}", "reconciliation.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
            Assert.NotEmpty(csv);
            Assert.Equal(csv, sheets[q + 1].Column("A").Skip(1).Select(c => c.Value));
        }
        // Rows 4–16 are counts and amounts: the year column is the sum of the four quarters (row 17, the percentage, is recomputed).
        for (var r = 4; r <= 16; r++)
        {
            decimal N(string col) => decimal.Parse(byQuarter[$"{col}{r}"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(N("B") + N("C") + N("D") + N("E"), N("F"));
            Assert.Equal(r is >= 9 and <= 12 ? "#,##0.00" : "#,##0", byQuarter[$"F{r}"].Format);
        }
        Assert.Equal(("number", "0.0##"), (byQuarter["F17"].Type, byQuarter["F17"].Format));
    }

    [Fact]
    public void With_json_a_workbook_is_written_and_its_figures_printed()
    {
        var r = Ws.RunOk("certificates", "missing", "--quarter", "2026Q2", "--format", "xlsx", "--file", "j.xlsx", "--json");
        using var json = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal(json.RootElement.GetProperty("count").GetInt32(), WorkbookReader.Read(Ws.Path_("j.xlsx")).Single().Column("A").Count() - 1);
    }
}
