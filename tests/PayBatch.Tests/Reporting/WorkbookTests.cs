using PayBatch.Core.Workbooks;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Reporting;

public class WorkbookTests
{
    private static IReadOnlyList<ReadSheet> QuarterWorkbook(Workspace ws, string file, string lang)
    {
        ws.RunOk("report", "--quarter", "2026Q1", "--as-of", SampleQuarter.AsOf, "--format", "xlsx", "--file", file, "--lang", lang);
        return WorkbookReader.Read(ws.Path_(file));
    }

    /// <summary>Every sheet: header row frozen, bold and under an autofilter spanning every row written, columns wide enough for their header.</summary>
    private static void AssertLayout(IReadOnlyList<ReadSheet> sheets)
    {
        foreach (var s in sheets)
        {
            Assert.Equal("A2", s.FrozenTopLeft);
            var header = s.Cells.Where(c => c.Reference.EndsWith('1') && c.Reference.TrimStart((char[])[.. "ABCDEFGHIJKLM"]) == "1").ToList();
            Assert.All(header, c => Assert.True(c.Type == "text" && c.Bold, $"{s.Name}!{c.Reference}: header cell"));
            var lastRow = s.Cells.Max(c => int.Parse(c.Reference.TrimStart((char[])[.. "ABCDEFGHIJKLM"]), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal($"A1:{Workbook.ColumnName(header.Count)}{Math.Max(2, lastRow)}", s.AutoFilter);
            Assert.Equal(header.Count, s.Widths.Count);
            Assert.All(header.Zip(s.Widths), h => Assert.True(h.Second >= h.First.Value.Length, $"{s.Name}: column '{h.First.Value}' is {h.Second} wide"));
        }
    }

    [Fact]
    public void The_quarter_workbook_matches_its_golden_dump_in_Russian_and_English()
    {
        using var ws = SampleQuarter.Create();
        var dir = ws.Path_("dumps");
        Directory.CreateDirectory(dir);
        foreach (var lang in new[] { "ru", "en" })
        {
            var sheets = QuarterWorkbook(ws, $"quarter.{lang}.xlsx", lang);
            AssertLayout(sheets);
            File.WriteAllText(Path.Combine(dir, $"quarter.{lang}.txt"), WorkbookReader.Dump(sheets));
        }
        Golden.MatchFolder(Path.Combine(Repo.TestData, "golden", "workbook", "quarter"), dir);
    }

    [Fact]
    public void The_payments_sheet_carries_reconciliation_csv_row_for_row_with_typed_cells()
    {
        using var ws = SampleQuarter.Create();
        var payments = QuarterWorkbook(ws, "q.xlsx", "en")[1];
        var csv = File.ReadAllLines(Path.Combine(ws.OutDir, "2026Q1", "reconciliation.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal("Payments", payments.Name);
        Assert.Equal(csv.Count, payments.Column("A").Count() - 1);
        for (var i = 0; i < csv.Count; i++)
        {
            var row = i + 2;
            Assert.Equal(new ReadCell($"A{row}", "text", csv[i][0], "builtin 0", false), payments[$"A{row}"]);
            Assert.Equal(("text", csv[i][2]), (payments[$"C{row}"].Type, payments[$"C{row}"].Value));
            Assert.Equal(("number", "#,##0.00"), (payments[$"F{row}"].Type, payments[$"F{row}"].Format));
            Assert.Equal(decimal.Parse(csv[i][5], System.Globalization.CultureInfo.InvariantCulture),
                decimal.Parse(payments[$"F{row}"].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(("number", "yyyy-mm-dd"), (payments[$"G{row}"].Type, payments[$"G{row}"].Format));
        }
    }

    [Fact]
    public void Formula_like_text_and_an_IIN_with_a_leading_zero_stay_text()
    {
        // Import refuses names and identifiers that begin like a formula; districts may, and a child born in 2008 has an IIN starting with 0.
        using var ws = new Workspace();
        File.Copy(Path.Combine(Repo.Samples, "paybatch.json"), ws.Path_("paybatch.json"));
        var born = new DateOnly(2008, 6, 1);
        Dictionary<string, string> Born2008(int n, string district) => Cases.Row(n, r =>
        {
            r["district"] = district;
            r["child_birth_date"] = "2008-06-01";
            r["child_iin"] = Cases.MakeIin(born, serial: n);
        });
        var paid = Born2008(1, "=1+2");
        var other = Born2008(2, "@Есиль");
        var unpaid = Born2008(3, "+Алматы");
        var recipients = ws.Write("recipients.csv", Cases.Csv([paid, other, unpaid]));
        var certificates = ws.Write("certificates.csv", Cases.Certificates([paid, other]));
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--recipients", recipients, "--certificates", certificates);

        var sheets = QuarterWorkbook(ws, "q.xlsx", "ru");
        Assert.StartsWith("0", paid["child_iin"], StringComparison.Ordinal);
        Assert.Equal(("text", paid["child_iin"]), (sheets[1]["C2"].Type, sheets[1]["C2"].Value));
        Assert.Equal(("text", unpaid["child_iin"]), (sheets[2]["B2"].Type, sheets[2]["B2"].Value));
        Assert.Equal([("text", "=1+2"), ("text", "@Есиль")], sheets[3].Column("A").Skip(1).Select(c => (c.Type, c.Value)));
        if (!OperatingSystem.IsWindows()) // it holds personal data: readable by its owner only
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ws.Path_("q.xlsx")));
    }

    [Fact]
    public async Task A_table_beyond_the_row_limit_goes_on_in_a_second_sheet_of_the_same_layout()
    {
        var dir = Directory.CreateTempSubdirectory("paybatch-workbook").FullName;
        try
        {
            var path = Path.Combine(dir, "t.xlsx");
            Column[] columns = [new("Reference", CellKind.Text, 18), new("Amount", CellKind.Money, 12)];
            await Workbook.WriteAsync(path, dayFirst: false, wb => wb.TableAsync("Payments", columns, 5, Numbers(5),
                (n, row) => { row[0] = wb.Text($"R{n}"); row[1] = wb.Money(new Core.Domain.Tenge(n * 100)); }), CancellationToken.None, maxDataRows: 2);

            var sheets = WorkbookReader.Read(path);
            Assert.Equal(["Payments", "Payments (2)", "Payments (3)"], sheets.Select(s => s.Name));
            AssertLayout(sheets);
            Assert.All(sheets, s => Assert.Equal(("Reference", "Amount"), (s["A1"].Value, s["B1"].Value)));
            Assert.Equal(["R1", "R2", "R3", "R4", "R5"], sheets.SelectMany(s => s.Column("A").Skip(1)).Select(c => c.Value));
            Assert.Equal("A1:B2", sheets[2].AutoFilter);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        static async IAsyncEnumerable<int> Numbers(int n)
        {
            for (var i = 1; i <= n; i++) yield return i;
            await Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData(null, "--file")]
    [InlineData("missing/q.xlsx", "does not exist")]
    [InlineData("folder", "is a folder")]
    [InlineData("/proc/q.xlsx", "cannot write")]
    public void A_workbook_without_a_writable_file_is_refused_and_nothing_is_written(string? file, string message)
    {
        using var ws = new Workspace();
        Directory.CreateDirectory(ws.Path_("folder"));
        List<string> Entries() => Directory.GetFileSystemEntries(ws.Dir, "*", SearchOption.AllDirectories).Where(f => !f.Contains("logs", StringComparison.Ordinal)).Order().ToList();
        var before = Entries();
        string[] args = ["report", "--quarter", "2026Q1", "--format", "xlsx", .. file is null ? Array.Empty<string>() : ["--file", file]];
        var r = ws.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Entries()); // no workbook, no temporary file, not even a database
    }
}
